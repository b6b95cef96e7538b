// /[clinic]/staff/pets/[petId]/prescriptions/new - a vet writes a prescription for the pet.
import Link from "next/link";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { addDays, localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { pageTitle } from "@/lib/i18n/page-title";
import { loadStaffPet } from "../../_components/load-staff-pet";
import { PrescribeForm } from "../../_components/prescribe-form";

export const generateMetadata = pageTitle(clinicalMessages, "rx.new");

export default async function NewPrescriptionPage(props: { params: Promise<{ clinic: string; petId: string }> }) {
  const { clinic: slug, petId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "prescriptions.prescribe");
  const { pet } = await loadStaffPet(user, access.clinic.id, petId, async () => null);
  const t = translator(locale, clinicalMessages);
  const back = `/${access.clinic.slug}/staff/pets/${pet.id}/prescriptions`;
  // Six months by default; the vet sets the date the prescription really runs to.
  const defaultExpiresOn = addDays(localDate(new Date(), access.clinic.timeZone), 180);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <Link href={back} className="text-sm text-brand-700 underline">
        {t("rx.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("rx.newTitle", { name: pet.name })}</h1>
      <div className="rounded-2xl bg-white p-5 shadow-sm">
        <PrescribeForm
          locale={locale}
          clinicSlug={access.clinic.slug}
          petId={pet.id}
          doneHref={back}
          defaultExpiresOn={defaultExpiresOn}
        />
      </div>
    </div>
  );
}
