// /[clinic]/staff/clients/[clientId] - one client: details (editable), pets and their photos, add a pet, link a
// login, start an invoice for them.
import Link from "next/link";
import { notFound } from "next/navigation";
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { getClient } from "@/lib/clients/get-client";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { petPhotoMessages } from "@/lib/i18n/messages/pet-photos";
import { petMessages } from "@/lib/i18n/messages/pets";
import { listPetPhotoUrls } from "@/lib/pets/list-pet-photo-urls";
import { listPets } from "@/lib/pets/list-pets";
import { getFileStore } from "@/lib/storage/get-file-store";
import { ClientDetailsForm } from "@/app/_components/client-details-form";
import { PetForm } from "@/app/_components/pet-form";
import { PetPhoto } from "@/app/_components/pet-photo";
import { PetPhotoUpload } from "@/app/_components/pet-photo-upload";
import { LinkLoginButton } from "./link-login-button";

export default async function StaffClientPage({ params }: { params: Promise<{ clinic: string; clientId: string }> }) {
  const { clinic: slug, clientId } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "clients.manage");
  const clinicId = access.clinic.id;
  const data = await withUser(user, async (db) => {
    const client = await getClient(db, { clinicId, clientId });
    const pets = await listPets(db, { clinicId, clientId, includeArchived: true, limit: 200 });
    const photos = await listPetPhotoUrls(db, getFileStore(), { clinicId, petIds: pets.items.map((p) => p.id) });
    return { client, pets, photos };
  }).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  if (!data) notFound();
  const { client, pets, photos } = data;
  const t = translator(locale, clientMessages);
  const tp = translator(locale, petMessages);
  const tph = translator(locale, petPhotoMessages);
  const base = `/${access.clinic.slug}/staff/clients`;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={base} className="text-sm text-brand-700 underline">
        {t("staff.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{client.fullName}</h1>
        <p className="break-all text-slate-600">{[client.email, client.phone].filter(Boolean).join(" · ")}</p>
        {can(access, "billing.use") ? (
          <Link
            href={`/${access.clinic.slug}/staff/invoices/new?clientId=${client.id}`}
            className="mt-2 inline-block font-medium text-brand-700 underline"
          >
            {translator(locale, billingMessages)("editor.newForClient")}
          </Link>
        ) : null}
      </header>

      <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("staff.pets")}</h2>
        {pets.items.length === 0 ? (
          <p className="text-slate-600">{t("staff.noPets")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("staff.pets")}>
            {pets.items.map((p) => (
              <li key={p.id} className="flex gap-3 py-2">
                <PetPhoto url={photos.get(p.id) ?? null} name={p.name} locale={locale} size="sm" />
                <div className="min-w-0 flex-1">
                  <Link
                    href={`/${access.clinic.slug}/staff/pets/${p.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {p.name}
                  </Link>{" "}
                  <span className="text-sm text-slate-600">
                    {[
                      tp(`species.${p.species}`),
                      p.breed,
                      tp(`sex.${p.sex}`),
                      p.birthDate,
                      p.weightKg !== null ? `${p.weightKg} kg` : null,
                      p.microchip,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  {p.archivedAt ? (
                    <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-700">
                      {tp("archived")}
                    </span>
                  ) : null}
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sm text-brand-700">{tph("label")}</summary>
                    <div className="mt-2">
                      <PetPhotoUpload
                        locale={locale}
                        clinicSlug={access.clinic.slug}
                        petId={p.id}
                        petName={p.name}
                        hasPhoto={photos.has(p.id)}
                      />
                    </div>
                  </details>
                </div>
              </li>
            ))}
          </ul>
        )}
        <details className="rounded-lg border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium text-brand-700">{t("staff.addPet")}</summary>
          <div className="mt-4">
            <PetForm
              locale={locale}
              clinicSlug={access.clinic.slug}
              clientId={client.id}
              doneHref={`${base}/${client.id}`}
            />
          </div>
        </details>
      </section>

      <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("staff.login")}</h2>
        {client.userId ? (
          <p className="text-slate-700">{t("staff.linked")}</p>
        ) : (
          <>
            <p className="text-slate-700">{t("staff.notLinked")}</p>
            {client.email ? (
              <>
                <p className="text-sm text-slate-500">{t("staff.linkHint")}</p>
                <LinkLoginButton
                  clinicSlug={access.clinic.slug}
                  clientId={client.id}
                  label={t("staff.link")}
                  done={t("staff.linkedDone")}
                  failed={t("form.failed")}
                />
              </>
            ) : null}
          </>
        )}
      </section>

      <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("staff.edit")}</h2>
        <ClientDetailsForm
          locale={locale}
          clinicSlug={access.clinic.slug}
          mode={{ kind: "staff-edit", clientId: client.id }}
          client={client}
        />
      </section>
    </div>
  );
}
