// /[clinic]/staff/calendar/sheet - the day sheet: one page per vet listing the day's appointments with times,
// pet, client, service and staff notes, and the vet's time off or closed day that date, laid out for printing
// (the staff menu is hidden on paper).
import Link from "next/link";
import { zonedInstant } from "@/lib/appointments/calendar-grid";
import { getStaffCalendar, type CalendarSpan } from "@/lib/appointments/get-staff-calendar";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { addDays, formatDay, formatTime, formatWhen, localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { pageTitle } from "@/lib/i18n/page-title";
import { PrintButton } from "./print-button";

export const generateMetadata = pageTitle(appointmentMessages, "cal.sheet");
const isDate = (s: unknown): s is string =>
  typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
const isUuid = (s: unknown): s is string => typeof s === "string" && /^[0-9a-f-]{36}$/i.test(s);

export default async function DaySheetPage(props: {
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
  const date = isDate(sp.date) ? sp.date : localDate(new Date(), tz);
  const calendar = await withUser(user, (db) =>
    getStaffCalendar(db, clinic, { view: "day", date, vetId: isUuid(sp.vet) ? sp.vet : null }),
  );
  const time = (iso: string) => formatTime(iso, tz, locale);
  const dayStart = zonedInstant(date, 0, tz).getTime();
  const dayEnd = zonedInstant(addDays(date, 1), 0, tz).getTime();
  // time off can span days: an edge outside this date is printed with its own date, so the sheet never implies
  // the vet is back at midnight
  const offText = (o: CalendarSpan) => {
    const s = Date.parse(o.startsAt);
    const e = Date.parse(o.endsAt);
    if (s <= dayStart && e >= dayEnd) return t("cal.timeOffAllDay");
    const from = s < dayStart ? formatWhen(o.startsAt, tz, locale) : time(o.startsAt);
    const to = e >= dayEnd ? formatWhen(o.endsAt, tz, locale) : time(o.endsAt);
    return `${t("cal.timeOff")} ${from}–${to}`;
  };
  return (
    <div className="mx-auto max-w-4xl space-y-6 print:max-w-none">
      <div className="flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link className="text-brand-700 underline" href={`/${clinic.slug}/staff/calendar?date=${date}`}>
          ‹ {t("cal.title")}
        </Link>
        <PrintButton label={t("cal.print")} />
      </div>
      {calendar.columns.map((c) => {
        const items = calendar.appointments
          .filter((a) => a.vetId === c.vetId && a.status !== "cancelled")
          .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
        return (
          <section
            key={c.vetId}
            aria-labelledby={`sheet-${c.vetId}`}
            data-testid="day-sheet"
            className="space-y-2 break-after-page"
          >
            <h1 id={`sheet-${c.vetId}`} className="text-xl font-semibold">
              {t("cal.sheet")} · {c.vetName}
            </h1>
            <p className="text-sm text-slate-700">
              {formatDay(date, locale, "long")} · {t("slots.timeZone", { tz })} ·{" "}
              {c.closed
                ? t("cal.closed")
                : c.hours.length
                  ? c.hours.map((h) => `${time(h.startsAt)}–${time(h.endsAt)}`).join(" · ")
                  : t("cal.notWorking")}
            </p>
            {c.timeOff.length > 0 ? (
              <ul data-testid="sheet-time-off" className="border-l-4 border-slate-500 pl-2 text-sm font-medium">
                {c.timeOff.map((o) => (
                  <li key={o.startsAt}>
                    {offText(o)}
                    {o.reason ? ` · ${o.reason}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {items.length === 0 ? (
              <p className="text-sm text-slate-600">{t("cal.empty")}</p>
            ) : (
              <table className="w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-1 pr-2">
                      {t("cal.time")}
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      {t("cal.pet")}
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      {t("cal.client")}
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      {t("cal.service")}
                    </th>
                    <th scope="col" className="py-1 pr-2">
                      {t("cal.status")}
                    </th>
                    <th scope="col" className="py-1">
                      {t("cal.notes")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id} className="break-inside-avoid border-b border-slate-200 align-top">
                      <td className="py-1 pr-2 whitespace-nowrap">
                        {time(a.startsAt)}–{time(a.endsAt)}
                      </td>
                      <td className="py-1 pr-2 font-medium">{a.petName}</td>
                      <td className="py-1 pr-2">{a.clientName}</td>
                      <td className="py-1 pr-2">{a.serviceName}</td>
                      <td className="py-1 pr-2">{t(`status.${a.status}`)}</td>
                      <td className="py-1 whitespace-pre-line">{a.notes ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}
