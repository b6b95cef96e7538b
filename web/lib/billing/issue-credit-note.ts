// Owners and admins correct an issued invoice with a credit note: amounts of its lines reversed (in the
// invoice's price terms), tax per rate computed by the invoice's rule in SQL, never beyond what is still owed
// (money already paid goes back as a refund instead). The key makes a retried request return the first note.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idempotencyKeyField, idField, oneRow, toCreditNote, type IssuedCreditNote } from "./invoice-record";
import "./rpc-types";

const creditLine = z.strictObject({
  lineId: idField,
  amountMinor: z.number().int("Whole minor units").min(1, "More than zero").max(100_000_000_00, "Too large"),
});

export const issueCreditNoteSchema = z.strictObject({
  lines: z
    .array(creditLine)
    .min(1, "Credit at least one line")
    .max(200, "At most 200 lines")
    .refine((ls) => new Set(ls.map((l) => l.lineId)).size === ls.length, "Each line at most once"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
  idempotencyKey: idempotencyKeyField,
});
export type IssueCreditNoteInput = z.input<typeof issueCreditNoteSchema>;

export async function issueCreditNote(
  db: Db,
  invoiceId: string,
  input: IssueCreditNoteInput,
): Promise<IssuedCreditNote> {
  const id = parseWith(idField, invoiceId);
  const d = parseWith(issueCreditNoteSchema, input);
  const row = await oneRow(
    rpc(db, "issue_credit_note", {
      p_invoice_id: id,
      p_lines: JSON.stringify(d.lines.map((l) => ({ line_id: l.lineId, amount_minor: l.amountMinor }))),
      p_reason: d.reason,
      p_idempotency_key: d.idempotencyKey,
    }),
    "issue_credit_note",
  );
  return toCreditNote(row);
}
