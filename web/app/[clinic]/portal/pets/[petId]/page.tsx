// /[clinic]/portal/pets/[petId] - the client views, edits or archives one of their pets and sets its photo.
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { petMessages } from "@/lib/i18n/messages/pets";
import { getPet } from "@/lib/pets/get-pet";
import { getPetPhotoUrl } from "@/lib/pets/get-pet-photo-url";
import { listMyPetPrescriptions } from "@/lib/prescriptions/list-my-pet-prescriptions";
import { getFileStore } from "@/lib/storage/get-file-store";
import { listMyPetVaccinations } from "@/lib/vaccinations/list-my-pet-vaccinations";
import { listSharedVisitSummaries } from "@/lib/visits/list-shared-visit-summaries";
import { SharedVisitSummaries } from "./shared-visit-summaries";
import { ArchivePetButton } from "../../_components/archive-pet-button";
import { PetForm } from "@/app/_components/pet-form";
import { PetPhoto } from "@/app/_components/pet-photo";
import { PetPhotoUpload } from "@/app/_components/pet-photo-upload";
import { PetPrescriptionsSection } from "./_components/pet-prescriptions-section";
import { PetVaccinationsSection } from "./_components/pet-vaccinations-section";

export default async function PetPage({ params }: { params: Promise<{ clinic: string; petId: string }> }) {
  const { clinic: slug, petId } = await params;
  const ctx = await loadPortalPage(slug, `/portal/pets/${petId}`);
  const clientId = requireClientId(ctx);
  const clinicId = ctx.access.clinic.id;
  const loaded = await withUser(ctx.user, async (db) => ({
    pet: await getPet(db, { clinicId, petId }),
    photo: await getPetPhotoUrl(db, getFileStore(), { clinicId, petId }),
    prescriptions: await listMyPetPrescriptions(db, { clinicId, petId }),
    vaccinations: await listMyPetVaccinations(db, { clinicId, petId }),
    summaries: await listSharedVisitSummaries(db, { clinicId, petId }),
  })).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  const pet = loaded?.pet;
  // Staff who are also clients see only their own pets here.
  if (!loaded || !pet || pet.clientId !== clientId) notFound();
  const { photo, summaries } = loaded;
  const t = translator(ctx.locale, petMessages);
  const tc = translator(ctx.locale, clientMessages);
  const base = `/${ctx.access.clinic.slug}/portal`;
  return (
    <div className="space-y-4">
      <Link href={base} className="text-sm text-brand-700 underline">
        {tc("portal.back")}
      </Link>
      <h1 className="text-2xl font-semibold">
        {pet.name}
        {pet.archivedAt ? (
          <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal text-slate-700">
            {t("archived")}
          </span>
        ) : null}
      </h1>
      <div className="flex flex-col gap-4 rounded-2xl bg-white p-5 shadow-sm sm:flex-row sm:items-start">
        <PetPhoto url={photo?.url ?? null} name={pet.name} locale={ctx.locale} size="lg" />
        <div className="min-w-0 flex-1">
          <PetPhotoUpload
            locale={ctx.locale}
            clinicSlug={ctx.access.clinic.slug}
            petId={pet.id}
            petName={pet.name}
            hasPhoto={Boolean(photo)}
          />
        </div>
      </div>
      <SharedVisitSummaries items={summaries} locale={ctx.locale} timeZone={ctx.access.clinic.timeZone} />
      <PetVaccinationsSection locale={ctx.locale} items={loaded.vaccinations} />
      <PetPrescriptionsSection locale={ctx.locale} items={loaded.prescriptions} />
      <div className="rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="mb-4 text-lg font-semibold">{t("editTitle", { name: pet.name })}</h2>
        <PetForm locale={ctx.locale} clinicSlug={ctx.access.clinic.slug} pet={pet} doneHref={base} />
      </div>
      {pet.archivedAt ? null : (
        <ArchivePetButton
          clinicSlug={ctx.access.clinic.slug}
          petId={pet.id}
          label={t("archive")}
          confirm={t("archiveConfirm", { name: pet.name })}
          failed={tc("form.failed")}
          doneHref={base}
        />
      )}
    </div>
  );
}
