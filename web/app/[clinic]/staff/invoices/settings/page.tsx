// /[clinic]/staff/invoices/settings - owners and admins set the legal details printed on invoices, whether
// prices include tax, and the clinic's tax rates (added or archived, never edited).
import { getBillingSettings } from "@/lib/billing/get-billing-settings";
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { BillingSettingsForm, TaxRatesEditor } from "../_components/billing-settings-forms";

export const generateMetadata = pageTitle(billingMessages, "settings.title");

export default async function BillingSettingsPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.manage");
  const t = translator(locale, billingMessages);
  const clinicId = access.clinic.id;
  const [settings, rates] = await withUser(user, async (db) => [
    await getBillingSettings(db, clinicId),
    await listTaxRates(db, clinicId),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
      <BillingSettingsForm locale={locale} clinicSlug={access.clinic.slug} settings={settings} rates={rates} />
      <TaxRatesEditor locale={locale} clinicSlug={access.clinic.slug} rates={rates} />
    </div>
  );
}
