// /[clinic]/portal/book - the client's booking flow (pet, service, vet or any, day, time, confirm).
import { ButtonLink } from "@/app/_components/button";
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { listPets } from "@/lib/pets/list-pets";
import { listServices } from "@/lib/schedules/list-services";
import { BookingFlow } from "./_components/booking-flow";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "book.title");

export default async function BookPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const ctx = await loadPortalPage(slug, "/portal/book");
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, appointmentMessages);
  const clinic = access.clinic;
  const data = await withUser(user, async (db) => ({
    pets: (await listPets(db, { clinicId: clinic.id, clientId, limit: 200 })).items,
    // the client's view: RLS shows only active services bookable online
    services: (await listServices(db, clinic.id)).filter((s) => s.bookableOnline),
    serviceVets: await listServiceVets(db, clinic.id),
  }));
  const options = {
    pets: data.pets.map((p) => ({ id: p.id, name: p.name })),
    services: data.services
      .filter((s) => data.serviceVets.some((v) => v.serviceId === s.id))
      .map(({ id, name, durationMinutes, priceCents, currency, instructions }) => ({
        id,
        name,
        durationMinutes,
        priceCents,
        currency,
        instructions,
      })),
    serviceVets: data.serviceVets,
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("book.title")}</h1>
      {options.pets.length === 0 ? (
        <div className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
          <p className="text-slate-600">{t("book.noPets")}</p>
          <ButtonLink href={`/${clinic.slug}/portal/pets/new`}>{t("book.addPet")}</ButtonLink>
        </div>
      ) : options.services.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-600 shadow-sm">{t("book.noServices")}</p>
      ) : (
        <BookingFlow locale={locale} clinicSlug={clinic.slug} timeZone={clinic.timeZone} options={options} />
      )}
    </div>
  );
}
