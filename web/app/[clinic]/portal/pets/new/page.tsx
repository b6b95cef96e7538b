// /[clinic]/portal/pets/new - the client adds a pet.
import Link from "next/link";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { petMessages } from "@/lib/i18n/messages/pets";
import { PetForm } from "@/app/_components/pet-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(petMessages, "newTitle");

export default async function NewPetPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const ctx = await loadPortalPage(slug, "/portal/pets/new");
  requireClientId(ctx);
  const base = `/${ctx.access.clinic.slug}/portal`;
  return (
    <div className="space-y-4">
      <Link href={base} className="text-sm text-brand-700 underline">
        {translator(ctx.locale, clientMessages)("portal.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{translator(ctx.locale, petMessages)("newTitle")}</h1>
      <div className="rounded-2xl bg-white p-5 shadow-sm">
        <PetForm locale={ctx.locale} clinicSlug={ctx.access.clinic.slug} doneHref={base} />
      </div>
    </div>
  );
}
