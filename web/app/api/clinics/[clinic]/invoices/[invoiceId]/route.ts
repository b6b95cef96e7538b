import { getInvoice } from "@/lib/billing/get-invoice";
import { saveInvoiceDraft, saveInvoiceDraftSchema } from "@/lib/billing/save-invoice-draft";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/invoices/[invoiceId] - staff read an invoice with lines, taxes, payments and refunds
export const GET = apiHandler({ action: "billing.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  return withUser(user, (db) => getInvoice(db, access.clinic.id, params.invoiceId ?? ""));
});

// PUT /api/clinics/[clinic]/invoices/[invoiceId] - staff replace a draft's lines and notes
export const PUT = apiHandler(
  { body: saveInvoiceDraftSchema, action: "billing.use" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    return { invoice: await withUser(user, (db) => saveInvoiceDraft(db, params.invoiceId ?? "", body)) };
  },
);
