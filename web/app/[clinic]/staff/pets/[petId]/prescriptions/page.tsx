// /[clinic]/staff/pets/[petId]/prescriptions - a pet's prescriptions and dispensing ledger (the chart shows the
// same section; the prescribe form returns here).
import Link from "next/link";
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { translator } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { pageTitle } from "@/lib/i18n/page-title";
import { listPetPrescriptions } from "@/lib/prescriptions/list-pet-prescriptions";
import { loadStaffPet } from "../_components/load-staff-pet";
import { PrescriptionsSection } from "../_components/prescriptions-section";

export const generateMetadata = pageTitle(clinicalMessages, "rx.title");

export default async function PetPrescriptionsPage(props: { params: Promise<{ clinic: string; petId: string }> }) {
  const { clinic: slug, petId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "prescriptions.read");
  const clinicId = access.clinic.id;
  const { pet, data } = await loadStaffPet(user, clinicId, petId, (db) =>
    listPetPrescriptions(db, { clinicId, petId }),
  );
  const t = translator(locale, clinicalMessages);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={`/${access.clinic.slug}/staff/pets/${pet.id}`} className="text-sm text-brand-700 underline">
        {t("rx.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("rx.pageTitle", { name: pet.name })}</h1>
      <PrescriptionsSection
        locale={locale}
        clinicSlug={access.clinic.slug}
        timeZone={access.clinic.timeZone}
        petId={pet.id}
        prescriptions={data}
        canPrescribe={can(access, "prescriptions.prescribe") && !pet.archivedAt}
        canDispense={can(access, "prescriptions.dispense")}
      />
    </div>
  );
}
