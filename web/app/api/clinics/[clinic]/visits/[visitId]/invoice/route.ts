import { createInvoiceFromVisit } from "@/lib/billing/create-invoice-from-visit";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/visits/[visitId]/invoice - a signed visit's charges become a draft invoice (once)
export const POST = apiHandler({ action: "billing.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
  return { invoice: await withUser(user, (db) => createInvoiceFromVisit(db, scope)) };
});
