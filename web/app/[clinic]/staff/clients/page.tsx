// /[clinic]/staff/clients - staff search the clinic's clients (name, email, phone), page through them, add one.
import Link from "next/link";
import { Button, ButtonLink } from "@/app/_components/button";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { listClients } from "@/lib/clients/list-clients";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clientMessages, "staff.title");

const PAGE_SIZE = 25;

type Props = {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function StaffClientsPage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const sp = await searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  // The layout shows the refusal; the page itself never queries for non-staff.
  if (!access.role) return null;
  requireCan(access, "clients.manage");
  const t = translator(locale, clientMessages);
  const q = typeof sp.q === "string" ? sp.q.slice(0, 120) : "";
  const offset = Math.max(
    0,
    Math.min(1_000_000, Number.parseInt(typeof sp.offset === "string" ? sp.offset : "0", 10) || 0),
  );
  const clinicId = access.clinic.id;
  const page = await withUser(user, (db) => listClients(db, { clinicId, q: q || undefined, limit: PAGE_SIZE, offset }));
  const base = `/${access.clinic.slug}/staff/clients`;
  const pageHref = (o: number) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), offset: String(o) })}`;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("staff.title")}</h1>
        <ButtonLink href={`${base}/new`}>{t("staff.newClient")}</ButtonLink>
      </div>
      <form method="get" action={base} className="flex gap-2" role="search">
        <label htmlFor="client-search" className="sr-only">
          {t("staff.search")}
        </label>
        <input
          id="client-search"
          name="q"
          type="search"
          defaultValue={q}
          placeholder={t("staff.search")}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100"
        />
        <Button type="submit" variant="secondary">
          {t("staff.searchSubmit")}
        </Button>
      </form>
      {page.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-600 shadow-sm">{t("staff.none")}</p>
      ) : (
        <ul
          className="divide-y divide-slate-100 overflow-hidden rounded-xl bg-white shadow-sm"
          aria-label={t("staff.title")}
        >
          {page.items.map((c) => (
            <li key={c.id}>
              <Link href={`${base}/${c.id}`} className="block p-4 hover:bg-brand-50">
                <span className="block font-medium">{c.fullName}</span>
                <span className="block break-all text-sm text-slate-600">
                  {[c.email, c.phone].filter(Boolean).join(" · ")}
                </span>
                <span className="block text-sm text-slate-500">
                  {t("staff.pets")}: {c.petNames.length ? c.petNames.join(", ") : t("staff.noPets")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-center justify-between gap-2 text-sm text-slate-600">
        <span>
          {page.total > 0
            ? t("staff.showing", { from: page.offset + 1, to: page.offset + page.items.length, total: page.total })
            : null}
        </span>
        <span className="flex gap-2">
          {page.offset > 0 ? (
            <ButtonLink variant="secondary" href={pageHref(Math.max(0, page.offset - PAGE_SIZE))}>
              {t("staff.prev")}
            </ButtonLink>
          ) : null}
          {page.offset + page.items.length < page.total ? (
            <ButtonLink variant="secondary" href={pageHref(page.offset + PAGE_SIZE)}>
              {t("staff.next")}
            </ButtonLink>
          ) : null}
        </span>
      </div>
    </div>
  );
}
