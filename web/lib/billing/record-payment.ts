// Staff record a payment taken at the desk. private.apply_payment applies it under the invoice's lock: the
// idempotency key makes a retried request return the first payment, and an overpayment is refused.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idempotencyKeyField, idField, oneRow, toPayment, type Payment } from "./invoice-record";
import { deskPaymentMethods } from "./rpc-types";

export const recordPaymentSchema = z.strictObject({
  method: z.enum(deskPaymentMethods),
  amountMinor: z.number().int("Whole minor units").min(1, "More than zero").max(100_000_000_00, "Too large"),
  idempotencyKey: idempotencyKeyField,
  reference: z.string().trim().max(200, "At most 200 characters").nullable().optional(),
});
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export async function recordPayment(db: Db, invoiceId: string, input: RecordPaymentInput): Promise<Payment> {
  const id = parseWith(idField, invoiceId);
  const d = parseWith(recordPaymentSchema, input);
  const row = await oneRow(
    rpc(db, "record_payment", {
      p_invoice_id: id,
      p_method: d.method,
      p_amount_minor: d.amountMinor,
      p_idempotency_key: d.idempotencyKey,
      p_reference: d.reference ?? null,
    }),
    "record_payment",
  );
  return toPayment(row);
}
