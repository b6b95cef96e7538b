import { z } from "zod";
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { pdfResponse } from "@/lib/http/pdf-response";
import { notFound } from "@/lib/http/respond";

const query = z.strictObject({ creditNote: z.string().optional() });

// GET /[clinic]/staff/invoices/[invoiceId]/pdf?creditNote= - staff download an invoice or credit note PDF
export const GET = apiHandler({ action: "billing.use", query }, async ({ user, access, params, query: q }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, invoiceId: params.invoiceId ?? "", creditNoteId: q.creditNote };
  const view = { locale: user.locale, timeZone: access.clinic.timeZone };
  return pdfResponse(await withUser(user, (db) => getInvoicePdf(db, scope, view)));
});
