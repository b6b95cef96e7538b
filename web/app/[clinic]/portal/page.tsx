// /[clinic]/portal - the client's pets, with a button to add one. Not a client yet: the join page.
import Link from "next/link";
import { ButtonLink } from "@/app/_components/button";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { petMessages } from "@/lib/i18n/messages/pets";
import { listPets } from "@/lib/pets/list-pets";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clientMessages, "portal.title");

export default async function PortalHomePage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const ctx = await loadPortalPage(slug);
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, clientMessages);
  const tp = translator(locale, petMessages);
  const clinicId = access.clinic.id;
  const pets = await withUser(user, (db) => listPets(db, { clinicId, clientId, limit: 200 }));
  const base = `/${access.clinic.slug}/portal`;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
        <ButtonLink href={`${base}/pets/new`}>{t("portal.addPet")}</ButtonLink>
      </div>
      <div className="grid grid-cols-2 gap-2">
        <ButtonLink href={`${base}/book`}>{translator(locale, appointmentMessages)("nav.book")}</ButtonLink>
        <ButtonLink href={`${base}/appointments`} variant="secondary">
          {translator(locale, appointmentMessages)("nav.appointments")}
        </ButtonLink>
      </div>
      {pets.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-slate-600 shadow-sm">{t("portal.noPets")}</p>
      ) : (
        <ul className="space-y-2" aria-label={t("portal.title")}>
          {pets.items.map((p) => (
            <li key={p.id}>
              <Link href={`${base}/pets/${p.id}`} className="block rounded-xl bg-white p-4 shadow-sm hover:bg-brand-50">
                <span className="block text-lg font-medium">{p.name}</span>
                <span className="block text-sm text-slate-600">
                  {[tp(`species.${p.species}`), p.breed, p.weightKg !== null ? `${p.weightKg} kg` : null]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pets.total > pets.items.length ? (
        <p className="text-sm text-slate-500">
          {pets.items.length} / {pets.total}
        </p>
      ) : null}
    </div>
  );
}
