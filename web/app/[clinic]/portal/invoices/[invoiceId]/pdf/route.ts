import { z } from "zod";
import { getInvoicePdf } from "@/lib/billing/get-invoice-pdf";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { pdfResponse } from "@/lib/http/pdf-response";
import { notFound } from "@/lib/http/respond";

const query = z.strictObject({ creditNote: z.string().optional() });

// GET /[clinic]/portal/invoices/[invoiceId]/pdf?creditNote= - a client downloads their own issued invoice
export const GET = apiHandler({ action: "invoices.readOwn", query }, async ({ user, access, params, query: q }) => {
  if (!access?.clientId) throw notFound();
  const scope = {
    clinicId: access.clinic.id,
    invoiceId: params.invoiceId ?? "",
    creditNoteId: q.creditNote,
    clientId: access.clientId,
  };
  const view = { locale: user.locale, timeZone: access.clinic.timeZone };
  return pdfResponse(await withUser(user, (db) => getInvoicePdf(db, scope, view)));
});
