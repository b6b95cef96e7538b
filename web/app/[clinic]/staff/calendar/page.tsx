// /[clinic]/staff/calendar - day view (a column per vet) and week view (a list per day on phones, seven
// columns on wide screens), for the whole clinic or one vet, in the clinic's time zone.
import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { listAppointments, type AppointmentListItem } from "@/lib/appointments/list-appointments";
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { listVetHours, type WorkingInterval } from "@/lib/appointments/list-vet-hours";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { addDays, formatDay, formatTime, isoWeekday, localDate } from "@/lib/format/time";
import { CalendarColumn } from "./calendar-column";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "cal.title");
const isDate = (s: unknown): s is string =>
  typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const isUuid = (s: unknown): s is string => typeof s === "string" && /^[0-9a-f-]{36}$/i.test(s);

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
  const vetId = isUuid(sp.vet) ? sp.vet : null;
  const first = view === "week" ? addDays(date, 1 - isoWeekday(date)) : date;
  const days = view === "week" ? Array.from({ length: 7 }, (_, i) => addDays(first, i)) : [date];
  // a UTC window a day wider on each side, then grouped by the clinic's local date
  const from = new Date(`${addDays(first, -1)}T00:00:00Z`).toISOString();
  const to = new Date(`${addDays(days[days.length - 1] ?? first, 2)}T00:00:00Z`).toISOString();
  const { appointments, serviceVets, hours } = await withUser(user, async (db) => ({
    appointments: await listAppointments(db, clinic.id, { from, to, vetId }),
    serviceVets: await listServiceVets(db, clinic.id),
    hours: view === "day" ? await listVetHours(db, clinic.id, date) : new Map<string, WorkingInterval[]>(),
  }));
  const byDay = new Map<string, AppointmentListItem[]>();
  for (const a of appointments) {
    const d = localDate(a.startsAt, tz);
    byDay.set(d, [...(byDay.get(d) ?? []), a]);
  }
  const vets = new Map<string, string>();
  for (const v of serviceVets) vets.set(v.vetId, v.vetName);
  for (const a of appointments) vets.set(a.vetId, a.vetName);
  const columns = [...vets.entries()].filter(([id]) => !vetId || id === vetId).sort((a, b) => a[1].localeCompare(b[1]));
  const base = `/${clinic.slug}/staff/calendar`;
  const href = (p: Record<string, string | null>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ view, date, vet: vetId, ...p })) if (v) q.set(k, v);
    return `${base}?${q.toString()}`;
  };
  const step = view === "week" ? 7 : 1;
  const todayItems = byDay.get(date) ?? [];

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("cal.title")}</h1>
        <ButtonLink href={`${base}/new?date=${date}`}>{t("cal.new")}</ButtonLink>
      </div>
      <nav className="flex flex-wrap items-center gap-2" aria-label={t("cal.title")}>
        <Link
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
          href={href({ date: addDays(date, -step) })}
        >
          ‹ {t("cal.prev")}
        </Link>
        <Link
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
          href={href({ date: localDate(new Date(), tz) })}
        >
          {t("cal.today")}
        </Link>
        <Link
          className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
          href={href({ date: addDays(date, step) })}
        >
          {t("cal.next")} ›
        </Link>
        <span className="flex rounded-lg border border-slate-300 bg-white text-sm">
          <Link
            aria-current={view === "day" ? "page" : undefined}
            className="min-h-11 rounded-l-lg px-3 py-2 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
            href={href({ view: "day" })}
          >
            {t("cal.day")}
          </Link>
          <Link
            aria-current={view === "week" ? "page" : undefined}
            className="min-h-11 rounded-r-lg px-3 py-2 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
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
            defaultValue={vetId ?? ""}
            aria-label={t("cal.vet")}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="">{t("cal.allVets")}</option>
            {[...vets.entries()].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-sm">
            {t("cal.show")}
          </button>
        </form>
      </nav>
      <p className="text-sm text-slate-500">
        {view === "day"
          ? formatDay(date, locale, "long")
          : `${formatDay(first, locale)} – ${formatDay(addDays(first, 6), locale)}`}{" "}
        · {t("slots.timeZone", { tz })}
      </p>

      {view === "day" ? (
        <div className="-mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
          <div
            className="grid gap-3"
            style={{ gridTemplateColumns: `repeat(${Math.max(columns.length, 1)}, minmax(17rem, 1fr))` }}
          >
            {columns.map(([id, name]) => {
              const items = todayItems.filter((a) => a.vetId === id);
              return (
                <CalendarColumn
                  key={id}
                  label={name}
                  heading={name}
                  items={items}
                  locale={locale}
                  clinicSlug={clinic.slug}
                  timeZone={tz}
                  showVet={false}
                >
                  <p className="px-1 text-sm text-slate-600" data-testid="vet-hours">
                    {hours.get(id)?.length
                      ? hours
                          .get(id)
                          ?.map((h) => `${formatTime(h.startsAt, tz, locale)}–${formatTime(h.endsAt, tz, locale)}`)
                          .join(" · ")
                      : t("cal.notWorking")}
                  </p>
                </CalendarColumn>
              );
            })}
          </div>
        </div>
      ) : (
        <div className="space-y-3 lg:grid lg:grid-cols-7 lg:gap-2 lg:space-y-0">
          {days.map((d) => {
            const items = byDay.get(d) ?? [];
            return (
              <CalendarColumn
                key={d}
                label={formatDay(d, locale, "long")}
                heading={
                  <Link href={href({ view: "day", date: d })} className="hover:text-brand-700">
                    {formatDay(d, locale)}
                  </Link>
                }
                items={items}
                locale={locale}
                clinicSlug={clinic.slug}
                timeZone={tz}
                showVet={!vetId}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}
