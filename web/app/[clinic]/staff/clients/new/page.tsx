// /[clinic]/staff/clients/new - staff add a client (email optional: people without a login are clients too).
import Link from "next/link";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { translator } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { ClientDetailsForm } from "@/app/_components/client-details-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(clientMessages, "staff.newClient");

export default async function NewClientPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const { access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "clients.manage");
  const t = translator(locale, clientMessages);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={`/${access.clinic.slug}/staff/clients`} className="text-sm text-brand-700 underline">
        {t("staff.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("staff.newClient")}</h1>
      <div className="rounded-2xl bg-white p-5 shadow-sm">
        <ClientDetailsForm
          locale={locale}
          clinicSlug={access.clinic.slug}
          mode={{ kind: "staff-create" }}
          submitLabel={t("staff.create")}
        />
      </div>
    </div>
  );
}
