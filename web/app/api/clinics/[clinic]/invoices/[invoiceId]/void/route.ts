import { voidInvoice, voidInvoiceSchema } from "@/lib/billing/void-invoice";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/invoices/[invoiceId]/void - owners and admins void an invoice with a reason
export const POST = apiHandler(
  { body: voidInvoiceSchema, action: "billing.manage" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    return { invoice: await withUser(user, (db) => voidInvoice(db, params.invoiceId ?? "", body)) };
  },
);
