// /[clinic]/portal/book - the client's booking flow (pet, service, vet or any, day, time, confirm).
import { ButtonLink } from "@/app/_components/button";
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { loadBookingChoices } from "@/lib/clients/load-booking-choices";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { BookingFlow } from "./_components/booking-flow";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(appointmentMessages, "book.title");

export default async function BookPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const { user, locale, clinic, pets, services } = await loadBookingChoices(slug, "/portal/book");
  const t = translator(locale, appointmentMessages);
  const serviceVets = await withUser(user, (db) => listServiceVets(db, clinic.id));
  const data = { pets, services, serviceVets };
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
