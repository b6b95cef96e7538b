import { getInvoice } from "@/lib/billing/get-invoice";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/my-invoices/[invoiceId] - a client reads one of their own issued invoices
export const GET = apiHandler({ action: "invoices.readOwn" }, async ({ user, access, params }) => {
  if (!access?.clientId) throw notFound();
  const detail = await withUser(user, (db) => getInvoice(db, access.clinic.id, params.invoiceId ?? ""));
  // RLS already hides other clients' invoices; this also keeps staff who are clients to their own records
  if (detail.invoice.clientId !== access.clientId) throw notFound();
  return detail;
});
