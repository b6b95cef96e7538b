// /[clinic]/staff/calendar/new - staff book an appointment for a client. From an empty cell of the calendar
// (?vetId=&start=) the vet and time come chosen; otherwise the full form picks them.
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { listServices } from "@/lib/schedules/list-services";
import { StaffBookingForm } from "./staff-booking-form";
import { BookAtTimeForm } from "./book-at-time-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "cal.new");
const isUuid = (s: unknown): s is string => typeof s === "string" && /^[0-9a-f-]{36}$/i.test(s);
const isInstant = (s: unknown): s is string =>
  typeof s === "string" && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(s) && !Number.isNaN(Date.parse(s));

export default async function NewAppointmentPage(props: {
  params: Promise<{ clinic: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { clinic: slug } = await props.params;
  const sp = await props.searchParams;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const data = await withUser(user, async (db) => ({
    services: await listServices(db, clinic.id),
    serviceVets: await listServiceVets(db, clinic.id),
  }));
  const services = data.services.map((s) => ({ id: s.id, name: s.name, durationMinutes: s.durationMinutes }));
  // a vet and start from the calendar: only that vet's services; an unknown vet falls back to the full form
  const vetServices = isUuid(sp.vetId) ? data.serviceVets.filter((v) => v.vetId === sp.vetId) : [];
  const vet = vetServices[0];
  const start = isInstant(sp.start) ? new Date(sp.start).toISOString() : null;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("cal.new")}</h1>
      {vet && start ? (
        <BookAtTimeForm
          locale={locale}
          clinicSlug={clinic.slug}
          timeZone={clinic.timeZone}
          vet={{ id: vet.vetId, name: vet.vetName }}
          startsAt={start}
          services={services.filter((s) => vetServices.some((v) => v.serviceId === s.id))}
        />
      ) : (
        <StaffBookingForm
          locale={locale}
          clinicSlug={clinic.slug}
          timeZone={clinic.timeZone}
          services={services}
          serviceVets={data.serviceVets}
        />
      )}
    </div>
  );
}
