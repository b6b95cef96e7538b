// /[clinic]/portal/appointments - the client's upcoming and past appointments; reschedule and cancel while
// inside the clinic's change window, otherwise a message to call the clinic.
import { ButtonLink, buttonClass } from "@/app/_components/button";
import { FormNotice } from "@/app/_components/form-error";
import { listAppointments, type AppointmentListItem } from "@/lib/appointments/list-appointments";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { formatWhen, windowAroundNow } from "@/lib/format/time";
import { CancelAppointmentButton } from "@/app/_components/cancel-appointment-button";
import { pageTitle } from "@/lib/i18n/page-title";
import { HeadedSection } from "@/app/_components/headed-section";

export const generateMetadata = pageTitle(appointmentMessages, "list.title");
const closed = new Set(["cancelled", "completed", "no_show"]);

export default async function MyAppointmentsPage(props: {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { clinic: slug } = await props.params;
  const { done } = await props.searchParams;
  const ctx = await loadPortalPage(slug, "/portal/appointments");
  requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const all = await withUser(user, (db) => listAppointments(db, clinic.id, windowAroundNow(180, 200)));
  const now = new Date().getTime();
  const upcoming = all.filter((a) => a.endsAt.getTime() > now && !closed.has(a.status));
  const past = all.filter((a) => !upcoming.includes(a)).reverse();
  const notice = done === "booked" ? t("list.booked") : done === "rescheduled" ? t("list.rescheduled") : null;

  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("list.title")}</h1>
        <ButtonLink href={`/${clinic.slug}/portal/book`}>{t("nav.book")}</ButtonLink>
      </div>
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <HeadedSection id="upcoming" title={t("list.upcoming")} className="space-y-2">
        {upcoming.length === 0 ? <p className="text-slate-600">{t("list.noneUpcoming")}</p> : null}
        <ul className="space-y-2" aria-label={t("list.upcoming")}>
          {upcoming.map((a) => (
            <li key={a.id} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
              <AppointmentSummary a={a} locale={locale} timeZone={clinic.timeZone} />
              <div className="flex flex-wrap gap-2">
                {a.clientCanChange ? (
                  <>
                    <ButtonLink variant="secondary" href={`/${clinic.slug}/portal/appointments/${a.id}/reschedule`}>
                      {t("list.reschedule")}
                    </ButtonLink>
                    <CancelAppointmentButton locale={locale} clinicSlug={clinic.slug} appointmentId={a.id} />
                  </>
                ) : null}
                <a
                  className={buttonClass("secondary")}
                  href={`/api/clinics/${clinic.slug}/appointments/${a.id}/calendar`}
                  download="appointment.ics"
                >
                  {t("list.addToCalendar")}
                </a>
              </div>
              {a.clientCanChange ? null : (
                <p className="text-sm text-slate-600">
                  {t("list.callClinic", { phone: clinic.phone ? ` (${clinic.phone})` : "" })}
                </p>
              )}
            </li>
          ))}
        </ul>
      </HeadedSection>
      <HeadedSection id="past" title={t("list.past")} className="space-y-2">
        {past.length === 0 ? <p className="text-slate-600">{t("list.nonePast")}</p> : null}
        <ul className="space-y-2" aria-label={t("list.past")}>
          {past.map((a) => (
            <li key={a.id} className="rounded-xl bg-white p-4 text-slate-700 shadow-sm">
              <AppointmentSummary a={a} locale={locale} timeZone={clinic.timeZone} />
              {a.status === "cancelled" && a.cancelReason ? (
                <p className="mt-1 text-sm text-slate-500">{t("list.cancelledReason", { reason: a.cancelReason })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      </HeadedSection>
    </div>
  );
}

function AppointmentSummary({ a, locale, timeZone }: { a: AppointmentListItem; locale: Locale; timeZone: string }) {
  const t = translator(locale, appointmentMessages);
  return (
    <div>
      <p className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span className="text-lg font-semibold">{formatWhen(a.startsAt, timeZone, locale)}</span>
        <span className="text-sm font-medium text-brand-700">{t(`status.${a.status}`)}</span>
      </p>
      <p className="text-sm text-slate-600">
        {a.serviceName} · {a.petName} · {a.vetName}
      </p>
    </div>
  );
}
