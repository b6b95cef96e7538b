// /[clinic]/portal/invoices - a client's own issued invoices, newest first, one keyset page at a time.
import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { listMyInvoices } from "@/lib/billing/list-my-invoices";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { formatMoney } from "@/lib/format/money";
import { formatDay, localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(billingMessages, "portal.title");

type Props = {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function MyInvoicesPage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const sp = await searchParams;
  const ctx = await loadPortalPage(slug, "/portal/invoices");
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, billingMessages);
  const cursor = typeof sp.cursor === "string" && sp.cursor ? sp.cursor : undefined;
  const page = await withUser(user, (db) =>
    listMyInvoices(db, clientId, { cursor }).catch(() => listMyInvoices(db, clientId, {})),
  );
  const base = `/${access.clinic.slug}/portal/invoices`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-600 shadow-sm">{t("portal.none")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm"
          aria-label={t("portal.title")}
        >
          {page.items.map((i) => (
            <li key={i.id}>
              <Link href={`${base}/${i.id}`} className="flex items-center justify-between gap-2 p-4 hover:bg-brand-50">
                <span>
                  <span className="block font-medium">{i.number}</span>
                  <span className="block text-sm text-slate-600">
                    {formatDay(localDate(i.issuedAt ?? i.createdAt, access.clinic.timeZone), locale)}
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
      {page.nextCursor ? (
        <ButtonLink variant="secondary" href={`${base}?${new URLSearchParams({ cursor: page.nextCursor })}`}>
          {t("list.more")}
        </ButtonLink>
      ) : null}
    </div>
  );
}
