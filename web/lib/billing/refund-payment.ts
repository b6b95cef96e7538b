// Owners and admins refund (part of) a payment; the SQL caps it at what is left of the payment and issues a
// credit note in the clinic's credit-note series.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idempotencyKeyField, idField, oneRow, toRefund, type Refund } from "./invoice-record";
import "./rpc-types";

export const refundPaymentSchema = z.strictObject({
  amountMinor: z.number().int("Whole minor units").min(1, "More than zero").max(100_000_000_00, "Too large"),
  reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "At most 500 characters"),
  idempotencyKey: idempotencyKeyField,
});
export type RefundPaymentInput = z.input<typeof refundPaymentSchema>;

export async function refundPayment(db: Db, paymentId: string, input: RefundPaymentInput): Promise<Refund> {
  const id = parseWith(idField, paymentId);
  const d = parseWith(refundPaymentSchema, input);
  const row = await oneRow(
    rpc(db, "refund_payment", {
      p_payment_id: id,
      p_amount_minor: d.amountMinor,
      p_reason: d.reason,
      p_idempotency_key: d.idempotencyKey,
    }),
    "refund_payment",
  );
  return toRefund(row);
}
