// /[clinic]/portal/request - ask the clinic for an appointment when no free time fits.
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { listPets } from "@/lib/pets/list-pets";
import { listServices } from "@/lib/schedules/list-services";
import { localDate } from "@/lib/format/time";
import { RequestForm } from "./request-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "request.title");

export default async function RequestPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const ctx = await loadPortalPage(slug, "/portal/request");
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const data = await withUser(user, async (db) => ({
    pets: (await listPets(db, { clinicId: clinic.id, clientId, limit: 200 })).items,
    services: (await listServices(db, clinic.id)).filter((s) => s.bookableOnline),
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("request.title")}</h1>
      <p className="text-slate-600">{t("request.intro")}</p>
      <RequestForm
        locale={locale}
        clinicSlug={clinic.slug}
        today={localDate(new Date(), clinic.timeZone)}
        pets={data.pets.map((p) => ({ id: p.id, name: p.name }))}
        services={data.services.map((s) => ({ id: s.id, name: s.name }))}
      />
    </div>
  );
}
