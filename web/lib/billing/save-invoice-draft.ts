// Staff replace a draft's lines and notes in one call (the editor sends the whole list). Issued invoices are
// refused by the SQL (invoice_not_draft) and, underneath, by the immutability triggers.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toInvoice, type Invoice } from "./invoice-record";
import { invoiceLinesField, linesToJson } from "./invoice-lines";
import "./rpc-types";

export const saveInvoiceDraftSchema = z.strictObject({
  lines: invoiceLinesField,
  notes: z.string().trim().max(2000, "At most 2000 characters").nullable().optional(),
});
export type SaveInvoiceDraftInput = z.input<typeof saveInvoiceDraftSchema>;

export async function saveInvoiceDraft(db: Db, invoiceId: string, input: SaveInvoiceDraftInput): Promise<Invoice> {
  const id = parseWith(idField, invoiceId);
  const d = parseWith(saveInvoiceDraftSchema, input);
  const row = await oneRow(
    rpc(db, "save_invoice_draft", { p_invoice_id: id, p_lines: linesToJson(d.lines), p_notes: d.notes ?? null }),
    "save_invoice_draft",
  );
  return toInvoice(row);
}
