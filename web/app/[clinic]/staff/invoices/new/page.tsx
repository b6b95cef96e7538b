// /[clinic]/staff/invoices/new - staff start a draft invoice: pick the client, add lines, save.
// ?clientId= (the client page's "New invoice" link) chooses the client on the server; an id that is malformed
// or not this clinic's is shown as "not found" and the search is offered instead.
import { z } from "zod";
import { FormError } from "@/app/_components/form-error";
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { getBillingSettings } from "@/lib/billing/get-billing-settings";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { getClient } from "@/lib/clients/get-client";
import { withUser } from "@/lib/db/context";
import { listServices } from "@/lib/schedules/list-services";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { InvoiceEditor } from "../_components/invoice-editor";

export const generateMetadata = pageTitle(billingMessages, "editor.title");

type Props = { params: Promise<{ clinic: string }>; searchParams: Promise<{ clientId?: string | string[] }> };

export default async function NewInvoicePage({ params, searchParams }: Props) {
  const { clinic: slug } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const t = translator(locale, billingMessages);
  const clinicId = access.clinic.id;
  const asked = (await searchParams).clientId;
  const clientId = z.uuid().safeParse(asked);
  const [rates, settings, services, client] = await withUser(user, async (db) => [
    await listTaxRates(db, clinicId),
    await getBillingSettings(db, clinicId),
    await listServices(db, clinicId),
    clientId.success
      ? await getClient(db, { clinicId, clientId: clientId.data }).catch((err: unknown) => {
          if (isAppError(err) && err.code === "NOT_FOUND") return null;
          throw err;
        })
      : null,
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <h1 className="text-2xl font-semibold">{t("editor.title")}</h1>
      {asked !== undefined && !client ? <FormError message={t("editor.clientNotFound")} /> : null}
      <InvoiceEditor
        locale={locale}
        clinicSlug={access.clinic.slug}
        currency={access.clinic.currency}
        pricesIncludeTax={settings.pricesIncludeTax}
        taxRates={rates}
        services={services.map((sv) => ({ id: sv.id, name: sv.name, priceMinor: sv.priceCents }))}
        newInvoice={{ client: client ? { id: client.id, fullName: client.fullName } : null }}
      />
    </div>
  );
}
