import { issueInvoice } from "@/lib/billing/issue-invoice";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/invoices/[invoiceId]/issue - staff issue a draft (next number; the client is emailed)
export const POST = apiHandler({ action: "billing.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  return { invoice: await withUser(user, (db) => issueInvoice(db, params.invoiceId ?? "")) };
});
