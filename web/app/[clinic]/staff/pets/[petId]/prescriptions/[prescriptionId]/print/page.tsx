// /[clinic]/staff/pets/[petId]/prescriptions/[prescriptionId]/print - the printable prescription: clinic,
// vet, patient, owner, drug, dose, directions, quantity, refills and expiry, with print CSS that drops the
// staff shell so only the sheet is printed.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getClient } from "@/lib/clients/get-client";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { formatDay, localDate } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { petMessages } from "@/lib/i18n/messages/pets";
import { pageTitle } from "@/lib/i18n/page-title";
import { getPrescription } from "@/lib/prescriptions/get-prescription";
import { loadStaffPet } from "../../../_components/load-staff-pet";
import { PrintButton } from "../../../_components/print-button";

export const generateMetadata = pageTitle(clinicalMessages, "rx.printTitle");

const printCss = `@media print {
  aside { display: none !important; }
  main { padding: 0 !important; }
  body { background: white !important; }
  @page { margin: 18mm; }
}`;

export default async function PrintPrescriptionPage(props: {
  params: Promise<{ clinic: string; petId: string; prescriptionId: string }>;
}) {
  const { clinic: slug, petId, prescriptionId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "prescriptions.read");
  const clinic = access.clinic;
  const { pet, data } = await loadStaffPet(user, clinic.id, petId, async (db, p) => ({
    rx: await getPrescription(db, { clinicId: clinic.id, prescriptionId }),
    owner: await getClient(db, { clinicId: clinic.id, clientId: p.clientId }),
  }));
  if (data.rx.petId !== pet.id) notFound();
  const t = translator(locale, clinicalMessages);
  const tp = translator(locale, petMessages);
  const { rx, owner } = data;
  const row = (label: string, value: React.ReactNode) => (
    <div className="grid grid-cols-3 gap-2 border-b border-slate-200 py-1.5 text-sm">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="col-span-2">{value}</dd>
    </div>
  );
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <style>{printCss}</style>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/${clinic.slug}/staff/pets/${pet.id}/prescriptions`} className="text-sm text-brand-700 underline">
          {t("rx.back")}
        </Link>
        <PrintButton label={t("rx.printButton")} />
      </div>
      <article className="space-y-5 rounded-2xl bg-white p-6 shadow-sm print:rounded-none print:p-0 print:shadow-none">
        <header className="border-b-2 border-slate-800 pb-3">
          <p className="text-xl font-semibold">{clinic.name}</p>
          <p className="text-sm text-slate-700">
            {[clinic.address, clinic.phone, clinic.email].filter(Boolean).join(" · ")}
          </p>
        </header>
        <h1 className="text-2xl font-semibold">{t("rx.printTitle")}</h1>
        <dl>
          {row(t("rx.printDate"), formatDay(localDate(new Date(rx.prescribedAt), clinic.timeZone), locale, "long"))}
          {row(t("rx.printVet"), rx.vetName)}
          {row(
            t("rx.printPatient"),
            [pet.name, tp(`species.${pet.species}`), pet.breed, tp(`sex.${pet.sex}`), pet.birthDate, pet.microchip]
              .filter(Boolean)
              .join(" · "),
          )}
          {row(t("rx.printOwner"), [owner.fullName, owner.address, owner.phone].filter(Boolean).join(" · "))}
          {row(t("rx.medication"), <strong>{rx.medication}</strong>)}
          {row(t("rx.dose"), rx.dose)}
          {row(t("rx.directions"), <span className="whitespace-pre-line">{rx.directions}</span>)}
          {row(t("rx.quantityPerFill"), `${rx.quantityPerFill} ${rx.unit}`)}
          {row(t("rx.refills"), rx.refills)}
          {row(t("rx.expiresOn"), formatDay(rx.expiresOn, locale, "long"))}
          {rx.status !== "active" ? row("", t(`rx.status.${rx.status}`)) : null}
        </dl>
        <footer className="pt-10 text-sm">
          <p className="border-t border-slate-500 pt-1 sm:w-64">
            {t("rx.printSignature")}: {rx.vetName}
          </p>
        </footer>
      </article>
    </div>
  );
}
