// /[clinic]/staff/pets/[petId]/vaccinations - a pet's vaccination status, history and the record form (the chart
// shows the same section).
import Link from "next/link";
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { pageTitle } from "@/lib/i18n/page-title";
import { listPetVaccinations } from "@/lib/vaccinations/list-pet-vaccinations";
import { listVaccines } from "@/lib/vaccinations/list-vaccines";
import { loadStaffPet } from "../_components/load-staff-pet";
import { VaccinationsSection } from "../_components/vaccinations-section";

export const generateMetadata = pageTitle(clinicalMessages, "vx.title");

export default async function PetVaccinationsPage(props: { params: Promise<{ clinic: string; petId: string }> }) {
  const { clinic: slug, petId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "vaccinations.read");
  const clinicId = access.clinic.id;
  const mayRecord = can(access, "vaccinations.record");
  const { pet, data } = await loadStaffPet(user, clinicId, petId, async (db, p) => ({
    ...(await listPetVaccinations(db, { clinicId, petId })),
    vaccines: mayRecord && !p.archivedAt ? await listVaccines(db, { clinicId, forSpecies: p.species }) : null,
  }));
  const t = translator(locale, clinicalMessages);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={`/${access.clinic.slug}/staff/pets/${pet.id}`} className="text-sm text-brand-700 underline">
        {t("rx.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("vx.pageTitle", { name: pet.name })}</h1>
      <VaccinationsSection
        locale={locale}
        clinicSlug={access.clinic.slug}
        petId={pet.id}
        today={localDate(new Date(), access.clinic.timeZone)}
        statuses={data.statuses}
        history={data.history}
        vaccines={data.vaccines}
      />
    </div>
  );
}
