// /[clinic]/portal/profile - the client's contact details, preferences and consents.
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { getMyClientProfile } from "@/lib/clients/get-my-client-profile";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { ClientDetailsForm } from "@/app/_components/client-details-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clientMessages, "profile.title");

export default async function ProfilePage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const ctx = await loadPortalPage(slug, "/portal/profile");
  requireClientId(ctx);
  const clinicId = ctx.access.clinic.id;
  const client = await withUser(ctx.user, (db) => getMyClientProfile(db, { clinicId }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{translator(ctx.locale, clientMessages)("profile.title")}</h1>
      <div className="rounded-2xl bg-white p-5 shadow-sm">
        <ClientDetailsForm
          locale={ctx.locale}
          clinicSlug={ctx.access.clinic.slug}
          mode={{ kind: "self" }}
          client={client}
        />
      </div>
    </div>
  );
}
