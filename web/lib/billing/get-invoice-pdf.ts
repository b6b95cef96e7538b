// An invoice, or one of its credit notes, as a PDF file for download. Reads through getInvoice under the
// caller's RLS (staff: their clinic's invoices; a client: their own issued ones), so a document the caller may
// not read is NOT_FOUND here exactly as on the page. A client's copy is issued only, never a draft.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { parseWith } from "@/lib/validation/parse";
import { getInvoice } from "./get-invoice";
import { idField } from "./invoice-record";
import { renderInvoicePdf } from "./render-invoice-pdf";

const scopeSchema = z.object({
  clinicId: idField,
  invoiceId: idField,
  creditNoteId: idField.optional(),
  /** Set for a client's download: the invoice must be this client's. */
  clientId: idField.optional(),
});

export interface InvoicePdf {
  filename: string;
  bytes: Uint8Array;
}

export async function getInvoicePdf(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  view: { locale: Locale; timeZone: string },
): Promise<InvoicePdf> {
  const s = parseWith(scopeSchema, scope);
  const detail = await getInvoice(db, s.clinicId, s.invoiceId);
  const inv = detail.invoice;
  if (s.clientId && (inv.clientId !== s.clientId || inv.status === "draft")) {
    throw new AppError("NOT_FOUND", "That invoice does not exist.");
  }
  const note = s.creditNoteId ? detail.creditNotes.find((n) => n.id === s.creditNoteId) : undefined;
  if (s.creditNoteId && !note) throw new AppError("NOT_FOUND", "That credit note does not exist.");
  const bytes = await renderInvoicePdf(detail, { ...view, creditNoteId: note?.id });
  const name = note ? note.number : (inv.number ?? `draft-${inv.id.slice(0, 8)}`);
  return { filename: `${name}.pdf`, bytes };
}
