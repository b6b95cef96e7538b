// /[clinic]/staff/calendar/[appointmentId]/move - staff move an appointment to another free time or vet.
import { notFound } from "next/navigation";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { RescheduleForm } from "@/app/_components/reschedule-form";
import { formatWhen, localDate, windowAroundNow } from "@/lib/format/time";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "cal.moveTitle");

export default async function MoveAppointmentPage(props: {
  params: Promise<{ clinic: string; appointmentId: string }>;
}) {
  const { clinic: slug, appointmentId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const { items, serviceVets } = await withUser(user, async (db) => ({
    items: await listAppointments(db, clinic.id, windowAroundNow(1, 380)),
    serviceVets: await listServiceVets(db, clinic.id),
  }));
  const a = items.find((x) => x.id === appointmentId);
  if (!a) notFound();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("cal.moveTitle")}</h1>
      <p className="text-slate-600">
        {a.petName} · {a.clientName} · {a.serviceName} ·{" "}
        {t("reschedule.current", { when: formatWhen(a.startsAt, clinic.timeZone, locale) })}
      </p>
      <RescheduleForm
        locale={locale}
        clinicSlug={clinic.slug}
        timeZone={clinic.timeZone}
        appointment={{ id: a.id, serviceId: a.serviceId, vetId: a.vetId, petName: a.petName }}
        vets={serviceVets.filter((v) => v.serviceId === a.serviceId)}
        doneHref={`/${clinic.slug}/staff/calendar?date=${localDate(a.startsAt, clinic.timeZone)}`}
      />
    </div>
  );
}
