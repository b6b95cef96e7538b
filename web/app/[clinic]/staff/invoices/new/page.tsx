// /[clinic]/staff/invoices/new - staff start a draft invoice: pick the client, add lines, save.
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { getBillingSettings } from "@/lib/billing/get-billing-settings";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { listClients } from "@/lib/clients/list-clients";
import { withUser } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { InvoiceEditor } from "../_components/invoice-editor";

export const generateMetadata = pageTitle(billingMessages, "editor.title");

export default async function NewInvoicePage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const t = translator(locale, billingMessages);
  const clinicId = access.clinic.id;
  const [rates, settings, clients] = await withUser(user, async (db) => [
    await listTaxRates(db, clinicId),
    await getBillingSettings(db, clinicId),
    await listClients(db, { clinicId, limit: 100 }),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("editor.title")}</h1>
      <InvoiceEditor
        locale={locale}
        clinicSlug={access.clinic.slug}
        currency={access.clinic.currency}
        pricesIncludeTax={settings.pricesIncludeTax}
        taxRates={rates}
        clients={clients.items.map((c) => ({ id: c.id, fullName: c.fullName }))}
      />
    </div>
  );
}
