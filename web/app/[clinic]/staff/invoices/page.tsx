// /[clinic]/staff/invoices - staff list invoices newest first, filtered by status, client and date, one keyset
// page at a time (?cursor=), with links to a new invoice and (managers) the tax and legal settings.
import Link from "next/link";
import { Button, ButtonLink } from "@/app/_components/button";
import { listInvoices, listInvoicesSchema } from "@/lib/billing/list-invoices";
import { invoiceStatuses } from "@/lib/billing/invoice-record";
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { getClient } from "@/lib/clients/get-client";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format/money";
import { formatDay, localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { InvoiceClientFilter } from "./_components/invoice-client-filter";

export const generateMetadata = pageTitle(billingMessages, "list.title");

type Props = {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const control =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

export default async function StaffInvoicesPage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const sp = await searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const t = translator(locale, billingMessages);
  const one = (k: string) => (typeof sp[k] === "string" && sp[k] !== "" ? (sp[k] as string) : undefined);
  // a bad filter in the address shows the unfiltered list rather than an error page
  const parsed = listInvoicesSchema.safeParse({
    status: one("status"),
    clientId: one("clientId"),
    from: one("from"),
    to: one("to"),
    cursor: one("cursor"),
  });
  const filters = parsed.success ? parsed.data : { limit: 25 };
  const clinic = access.clinic;
  const [page, client] = await withUser(user, async (db) => [
    await listInvoices(db, clinic.id, filters).catch(() => listInvoices(db, clinic.id, {})),
    // the filtered client's name for the search box (another clinic's id finds nothing, like a missing one)
    filters.clientId
      ? await getClient(db, { clinicId: clinic.id, clientId: filters.clientId }).catch((err: unknown) => {
          if (isAppError(err) && err.code === "NOT_FOUND") return null;
          throw err;
        })
      : null,
  ]);
  const base = `/${clinic.slug}/staff/invoices`;
  const { cursor: _cursor, limit: _limit, ...kept } = filters;
  const nextHref = page.nextCursor
    ? `${base}?${new URLSearchParams({ ...(kept as Record<string, string>), cursor: page.nextCursor })}`
    : null;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("list.title")}</h1>
        <div className="flex flex-wrap gap-2">
          {can(access, "billing.manage") ? (
            <ButtonLink variant="secondary" href={`${base}/settings`}>
              {t("list.settings")}
            </ButtonLink>
          ) : null}
          <ButtonLink href={`${base}/new`}>{t("list.new")}</ButtonLink>
        </div>
      </div>
      <form method="get" action={base} className="grid gap-2 rounded-xl bg-white p-3 shadow-sm sm:grid-cols-5">
        <div className="flex flex-col gap-1">
          <label htmlFor="f-status" className="text-sm font-medium">
            {t("filter.status")}
          </label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t("filter.any")}</option>
            {invoiceStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <InvoiceClientFilter
          clinicSlug={clinic.slug}
          locale={locale}
          initial={client ? { id: client.id, fullName: client.fullName } : null}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="f-from" className="text-sm font-medium">
            {t("filter.from")}
          </label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={control} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="f-to" className="text-sm font-medium">
            {t("filter.to")}
          </label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={control} />
        </div>
        <div className="flex items-end">
          <Button type="submit" variant="secondary" className="w-full">
            {t("filter.apply")}
          </Button>
        </div>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-600 shadow-sm">{t("list.none")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm"
          aria-label={t("list.title")}
        >
          {page.items.map((i) => (
            <li key={i.id}>
              <Link
                href={`${base}/${i.id}`}
                className="flex flex-wrap items-center justify-between gap-2 p-4 hover:bg-brand-50"
              >
                <span>
                  <span className="block font-medium">{i.number ?? t("status.draft")}</span>
                  <span className="block text-sm text-slate-600">
                    {i.clientName} · {formatDay(localDate(i.issuedAt ?? i.createdAt, clinic.timeZone), locale)}
                  </span>
                </span>
                <span className="text-right">
                  <span className="block font-medium tabular-nums">
                    {formatMoney(i.amountMinor, i.currency, locale)}
                  </span>
                  <span className="block text-sm text-slate-600">{t(`status.${i.status}`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="flex justify-end gap-2">
        {filters.cursor ? (
          <ButtonLink variant="secondary" href={`${base}?${new URLSearchParams(kept as Record<string, string>)}`}>
            {t("list.first")}
          </ButtonLink>
        ) : null}
        {nextHref ? (
          <ButtonLink variant="secondary" href={nextHref}>
            {t("list.more")}
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}
