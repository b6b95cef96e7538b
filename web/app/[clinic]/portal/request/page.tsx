// /[clinic]/portal/request - ask the clinic for an appointment when no free time fits.
import { loadBookingChoices } from "@/lib/clients/load-booking-choices";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { localDate } from "@/lib/format/time";
import { RequestForm } from "./request-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "request.title");

export default async function RequestPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const { locale, clinic, pets, services } = await loadBookingChoices(slug, "/portal/request");
  const t = translator(locale, appointmentMessages);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("request.title")}</h1>
      <p className="text-slate-600">{t("request.intro")}</p>
      <RequestForm
        locale={locale}
        clinicSlug={clinic.slug}
        today={localDate(new Date(), clinic.timeZone)}
        pets={pets.map((p) => ({ id: p.id, name: p.name }))}
        services={services.map((s) => ({ id: s.id, name: s.name }))}
      />
    </div>
  );
}
