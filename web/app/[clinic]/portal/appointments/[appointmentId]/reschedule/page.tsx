// /[clinic]/portal/appointments/[appointmentId]/reschedule - pick a new time for one of the client's appointments.
import { notFound } from "next/navigation";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { formatWhen, windowAroundNow } from "@/lib/format/time";
import { RescheduleForm } from "@/app/_components/reschedule-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "reschedule.title");

export default async function ReschedulePage(props: { params: Promise<{ clinic: string; appointmentId: string }> }) {
  const { clinic: slug, appointmentId } = await props.params;
  const ctx = await loadPortalPage(slug, `/portal/appointments/${appointmentId}/reschedule`);
  requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  // list_appointments returns only the caller's own appointments for a client
  const mine = await withUser(user, (db) => listAppointments(db, clinic.id, windowAroundNow(1, 380)));
  const a = mine.find((x) => x.id === appointmentId);
  if (!a) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("reschedule.title")}</h1>
      <p className="text-slate-600">
        {a.serviceName} · {a.petName} ·{" "}
        {t("reschedule.current", { when: formatWhen(a.startsAt, clinic.timeZone, locale) })}
      </p>
      {a.clientCanChange ? (
        <RescheduleForm
          locale={locale}
          clinicSlug={clinic.slug}
          timeZone={clinic.timeZone}
          appointment={{ id: a.id, serviceId: a.serviceId, vetId: a.vetId, petName: a.petName }}
          doneHref={`/${clinic.slug}/portal/appointments?done=rescheduled`}
        />
      ) : (
        <p className="rounded-xl bg-white p-4 text-slate-700 shadow-sm">
          {t("list.callClinic", { phone: clinic.phone ? ` (${clinic.phone})` : "" })}
        </p>
      )}
    </div>
  );
}
