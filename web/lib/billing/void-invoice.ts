// Owners and admins void an invoice with a reason instead of deleting it (an issued one keeps its number).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toInvoice, type Invoice } from "./invoice-record";
import "./rpc-types";

export const voidInvoiceSchema = z.strictObject({
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
});
export type VoidInvoiceInput = z.input<typeof voidInvoiceSchema>;

export async function voidInvoice(db: Db, invoiceId: string, input: VoidInvoiceInput): Promise<Invoice> {
  const id = parseWith(idField, invoiceId);
  const { reason } = parseWith(voidInvoiceSchema, input);
  return toInvoice(await oneRow(rpc(db, "void_invoice", { p_invoice_id: id, p_reason: reason }), "void_invoice"));
}
