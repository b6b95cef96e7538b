// /[clinic]/staff/calendar/new - staff book an appointment for a client.
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { listServices } from "@/lib/schedules/list-services";
import { StaffBookingForm } from "./staff-booking-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "cal.new");

export default async function NewAppointmentPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const data = await withUser(user, async (db) => ({
    services: await listServices(db, clinic.id),
    serviceVets: await listServiceVets(db, clinic.id),
  }));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("cal.new")}</h1>
      <StaffBookingForm
        locale={locale}
        clinicSlug={clinic.slug}
        timeZone={clinic.timeZone}
        services={data.services.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes }))}
        serviceVets={data.serviceVets}
      />
    </div>
  );
}
