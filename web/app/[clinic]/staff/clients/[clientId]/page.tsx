// /[clinic]/staff/clients/[clientId] - one client: details (editable), pets, add a pet, link a login.
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { getClient } from "@/lib/clients/get-client";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { petMessages } from "@/lib/i18n/messages/pets";
import { listPets } from "@/lib/pets/list-pets";
import { ClientDetailsForm } from "@/app/_components/client-details-form";
import { PetForm } from "@/app/_components/pet-form";
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
    return { client, pets };
  }).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  if (!data) notFound();
  const { client, pets } = data;
  const t = translator(locale, clientMessages);
  const tp = translator(locale, petMessages);
  const tk = translator(locale, clinicalMessages);
  const base = `/${access.clinic.slug}/staff/clients`;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link href={base} className="text-sm text-brand-700 underline">
        {t("staff.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold">{client.fullName}</h1>
        <p className="break-all text-slate-600">{[client.email, client.phone].filter(Boolean).join(" · ")}</p>
      </header>

      <section className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">{t("staff.pets")}</h2>
        {pets.items.length === 0 ? (
          <p className="text-slate-600">{t("staff.noPets")}</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={t("staff.pets")}>
            {pets.items.map((p) => (
              <li key={p.id} className="py-2">
                <span className="font-medium">{p.name}</span>{" "}
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
                  <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs text-slate-700">{tp("archived")}</span>
                ) : null}
                {/* Until the patient chart (/staff/pets/[petId]) composes these sections. */}
                <span className="ml-2 inline-flex gap-3 text-sm">
                  <Link
                    href={`/${access.clinic.slug}/staff/pets/${p.id}/prescriptions`}
                    className="text-brand-700 underline"
                  >
                    {tk("links.prescriptions")}
                    <span className="sr-only"> · {p.name}</span>
                  </Link>
                  <Link
                    href={`/${access.clinic.slug}/staff/pets/${p.id}/vaccinations`}
                    className="text-brand-700 underline"
                  >
                    {tk("links.vaccinations")}
                    <span className="sr-only"> · {p.name}</span>
                  </Link>
                </span>
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
