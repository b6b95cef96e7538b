import { createInvoice, createInvoiceSchema } from "@/lib/billing/create-invoice";
import { listInvoices, listInvoicesSchema } from "@/lib/billing/list-invoices";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/invoices - staff list invoices (?status=&clientId=&from=&to=&cursor=&limit=) newest first
export const GET = apiHandler({ query: listInvoicesSchema, action: "billing.use" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  return withUser(user, (db) => listInvoices(db, access.clinic.id, query));
});

// POST /api/clinics/[clinic]/invoices - staff create a draft invoice for a client from lines
export const POST = apiHandler(
  { body: createInvoiceSchema, action: "billing.use", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    return { invoice: await withUser(user, (db) => createInvoice(db, { clinicId: access.clinic.id }, body)) };
  },
);
