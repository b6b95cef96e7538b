// /[clinic]/staff/schedules?vet= - weekly hours, date overrides and time off per vet, and the booking rules.
// Owners, admins and receptionists edit anyone's schedule, a vet their own; rules are for owners and admins.
import { listStaff } from "@/lib/clinics/list-staff";
import { can, canEditScheduleOf, performsServices } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import { getReminderSettings } from "@/lib/notifications/get-reminder-settings";
import { getBookingRules } from "@/lib/schedules/get-booking-rules";
import { getClinicSchedule } from "@/lib/schedules/get-clinic-schedule";
import { formatDay, formatWhen, localDate } from "@/lib/format/time";
import { OverrideForm, RemindersForm, RemoveButton, RulesForm, TimeOffForm } from "./schedule-forms";
import { WeeklyHoursEditor } from "./weekly-hours-editor";
import { pageTitle } from "@/lib/i18n/page-title";
import { HeadedSection } from "@/app/_components/headed-section";

export const generateMetadata = pageTitle(scheduleMessages, "sch.title");
const card = "space-y-3 rounded-xl bg-white p-4 shadow-sm";

export default async function SchedulesPage(props: {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<{ vet?: string }>;
}) {
  const { clinic: slug } = await props.params;
  const { vet } = await props.searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const ts = translator(locale, scheduleMessages);
  const clinic = access.clinic;
  const staff = (await withUser(user, (db) => listStaff(db, clinic.id))).filter((s) => performsServices(s.role));
  const editable = staff.filter((s) => canEditScheduleOf({ role: access.role, userId: user.userId }, s.userId));
  const chosen = editable.find((s) => s.userId === vet) ?? editable[0];
  const { schedule, rules, reminders } = await withUser(user, async (db) => ({
    schedule: chosen ? await getClinicSchedule(db, clinic.id, { vetId: chosen.userId }) : null,
    rules: await getBookingRules(db, clinic.id),
    reminders: await getReminderSettings(db, clinic.id),
  }));
  const today = localDate(new Date(), clinic.timeZone);
  const api = `/api/clinics/${clinic.slug}/schedules`;
  const canEditRules = can(access, "bookingRules.edit");

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">{ts("sch.title")}</h1>
      {editable.length > 1 ? (
        <form className="flex items-end gap-2">
          <label className="flex-1 text-sm font-medium text-slate-800">
            {t("cal.vet")}
            <select
              name="vet"
              defaultValue={chosen?.userId}
              className="mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-2 text-base"
            >
              {editable.map((s) => (
                <option key={s.userId} value={s.userId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-sm">
            {t("cal.show")}
          </button>
        </form>
      ) : null}
      {!chosen || !schedule ? (
        <p className="text-slate-600">{ts("sch.noVets")}</p>
      ) : (
        <>
          <HeadedSection
            id="weekly"
            title={
              <>
                {ts("sch.weekly")} · {chosen.name}
              </>
            }
            className={card}
          >
            <p className="text-sm text-slate-600">{ts("sch.weeklyHint", { tz: clinic.timeZone })}</p>
            <WeeklyHoursEditor
              key={chosen.userId}
              locale={locale}
              clinicSlug={clinic.slug}
              vetId={chosen.userId}
              initial={schedule.weeklyHours}
            />
          </HeadedSection>
          <HeadedSection id="overrides" title={ts("sch.overrides")} className={card}>
            <p className="text-sm text-slate-600">{ts("sch.overrideHint")}</p>
            {schedule.overrides.length === 0 ? <p className="text-sm text-slate-500">{ts("sch.noOverrides")}</p> : null}
            <ul className="divide-y divide-slate-100">
              {[...new Set(schedule.overrides.map((o) => o.date))].map((date) => {
                const rows = schedule.overrides.filter((o) => o.date === date);
                return (
                  <li key={date} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{formatDay(date, locale)}</span>{" "}
                      {rows.some((o) => o.kind === "closed")
                        ? ts("sch.closed")
                        : rows.map((o) => `${o.start}–${o.end}`).join(", ")}
                      {rows[0]?.note ? <span className="text-slate-500"> · {rows[0].note}</span> : null}
                    </span>
                    <RemoveButton locale={locale} url={`${api}/overrides`} body={{ vetId: chosen.userId, date }} />
                  </li>
                );
              })}
            </ul>
            <OverrideForm locale={locale} clinicSlug={clinic.slug} vetId={chosen.userId} today={today} />
          </HeadedSection>
          <HeadedSection id="timeoff" title={ts("sch.timeOff")} className={card}>
            {schedule.timeOff.length === 0 ? <p className="text-sm text-slate-500">{ts("sch.noTimeOff")}</p> : null}
            <ul className="divide-y divide-slate-100">
              {schedule.timeOff.map((o) => (
                <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {formatWhen(o.startsAt, clinic.timeZone, locale)} – {formatWhen(o.endsAt, clinic.timeZone, locale)}
                    {o.reason ? <span className="text-slate-500"> · {o.reason}</span> : null}
                  </span>
                  <RemoveButton locale={locale} url={`${api}/time-off/${o.id}`} />
                </li>
              ))}
            </ul>
            <TimeOffForm locale={locale} clinicSlug={clinic.slug} vetId={chosen.userId} today={today} />
          </HeadedSection>
        </>
      )}
      <HeadedSection id="rules" title={ts("sch.rules")} className={card}>
        {canEditRules ? (
          <RulesForm locale={locale} clinicSlug={clinic.slug} rules={rules} />
        ) : (
          <p className="text-sm text-slate-600">{ts("sch.rulesReadOnly")}</p>
        )}
      </HeadedSection>
      <HeadedSection id="reminders" title={ts("rem.title")} className={card}>
        {canEditRules ? (
          <RemindersForm locale={locale} clinicSlug={clinic.slug} settings={reminders} />
        ) : (
          <p className="text-sm text-slate-600">
            {reminders.enabled && reminders.offsetsMinutes.length
              ? ts("rem.summary", {
                  when: reminders.offsetsMinutes.map((m) => (m % 60 === 0 ? `${m / 60} h` : `${m} min`)).join(", "),
                })
              : ts("rem.off")}
          </p>
        )}
      </HeadedSection>
    </div>
  );
}
