// /[clinic]/staff/calendar - the time grid: a day with one column per vet, or one vet's week, on the clinic's
// slot step in its time zone. The grid itself (drag, keyboard moves, polling) is the client component.
import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { getStaffCalendar } from "@/lib/appointments/get-staff-calendar";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { addDays, formatDay, localDate } from "@/lib/format/time";
import { pageTitle } from "@/lib/i18n/page-title";
import { TimeGrid } from "./time-grid";

export const generateMetadata = pageTitle(appointmentMessages, "cal.title");
const isDate = (s: unknown): s is string =>
  typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const isUuid = (s: unknown): s is string => typeof s === "string" && /^[0-9a-f-]{36}$/i.test(s);
const navLink = "inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm";

export default async function CalendarPage(props: {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { clinic: slug } = await props.params;
  const sp = await props.searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const tz = clinic.timeZone;
  const view = sp.view === "week" ? "week" : "day";
  const date = isDate(sp.date) ? sp.date : localDate(new Date(), tz);
  const calendar = await withUser(user, (db) =>
    getStaffCalendar(db, clinic, { view, date, vetId: isUuid(sp.vet) ? sp.vet : null }),
  );
  const base = `/${clinic.slug}/staff/calendar`;
  const href = (p: Record<string, string | null>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ view, date, vet: calendar.vetId, ...p })) if (v) q.set(k, v);
    return `${base}?${q.toString()}`;
  };
  const step = view === "week" ? 7 : 1;
  const vetName = calendar.vets.find((v) => v.id === calendar.vetId)?.name ?? "";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("cal.title")}</h1>
        <div className="flex flex-wrap gap-2">
          <ButtonLink
            variant="secondary"
            href={`${base}/sheet?${new URLSearchParams({ date, ...(calendar.vetId ? { vet: calendar.vetId } : {}) }).toString()}`}
          >
            {t("cal.sheet")}
          </ButtonLink>
          <ButtonLink href={`${base}/new?date=${date}`}>{t("cal.new")}</ButtonLink>
        </div>
      </div>
      <nav className="flex flex-wrap items-center gap-2" aria-label={t("cal.title")}>
        <Link className={navLink} href={href({ date: addDays(date, -step) })}>
          ‹ {t("cal.prev")}
        </Link>
        <Link className={navLink} href={href({ date: localDate(new Date(), tz) })}>
          {t("cal.today")}
        </Link>
        <Link className={navLink} href={href({ date: addDays(date, step) })}>
          {t("cal.next")} ›
        </Link>
        <span className="flex rounded-lg border border-slate-300 bg-white text-sm">
          <Link
            aria-current={view === "day" ? "page" : undefined}
            className="inline-flex min-h-11 items-center rounded-l-lg px-3 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            href={href({ view: "day", vet: null })}
          >
            {t("cal.day")}
          </Link>
          <Link
            aria-current={view === "week" ? "page" : undefined}
            className="inline-flex min-h-11 items-center rounded-r-lg px-3 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            href={href({ view: "week" })}
          >
            {t("cal.week")}
          </Link>
        </span>
        <form action={base} className="flex items-center gap-2">
          <input type="hidden" name="view" value={view} />
          <input type="hidden" name="date" value={date} />
          <select
            name="vet"
            defaultValue={calendar.vetId ?? ""}
            aria-label={t("cal.vet")}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm"
          >
            {view === "day" ? <option value="">{t("cal.allVets")}</option> : null}
            {calendar.vets.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-sm">
            {t("cal.show")}
          </button>
        </form>
      </nav>
      <p className="text-sm text-slate-600" data-testid="calendar-range">
        {view === "day"
          ? formatDay(date, locale, "long")
          : `${t("cal.weekOf", { vet: vetName })}: ${formatDay(calendar.first, locale)} – ${formatDay(addDays(calendar.first, 6), locale)}`}{" "}
        · {t("slots.timeZone", { tz })}
      </p>
      <TimeGrid
        calendar={calendar}
        locale={locale}
        clinicSlug={clinic.slug}
        timeZone={tz}
        nowIso={new Date().toISOString()}
      />
    </div>
  );
}
