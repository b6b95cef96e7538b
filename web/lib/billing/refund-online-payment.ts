// Owners and admins refund (part of) an online card payment: through Stripe first, recorded when Stripe
// answers. The SQL checks the role, the method and the amount before anything is sent; the Stripe refund
// carries an idempotency key derived from the payment and the form's key, so a double click or a retried
// request makes one refund. The record brings the payment's refunds up to the charge's cumulative refunded
// amount (migration 530), so the charge.refunded webhook that follows (or came first) does not count it again.
import "server-only";
import { asSystem, withUser } from "@/lib/db/context";
import type { SessionUser } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { toPaymentError } from "@/lib/stripe/provider-error";
import { parseWith } from "@/lib/validation/parse";
import { rpc } from "@/lib/db/rpc";
import { idField, toRefund, type Refund, type RefundRow } from "./invoice-record";
import { refundPaymentSchema, type RefundPaymentInput } from "./refund-payment";
import "./rpc-types";

export async function refundOnlinePayment(
  user: SessionUser,
  paymentId: string,
  input: RefundPaymentInput,
): Promise<Refund> {
  const id = parseWith(idField, paymentId);
  const d = parseWith(refundPaymentSchema, input);
  const target = await withUser(user, async (db) => {
    const rows = await rpc(db, "prepare_online_refund", { p_payment_id: id, p_amount_minor: d.amountMinor });
    return rows[0];
  });
  if (!target?.payment_intent_id || !target.stripe_account_id) {
    throw new AppError("CONFLICT", "This payment has no Stripe charge to refund.");
  }
  const { client } = getStripe();
  let refundId: string;
  let refundedTotal: number;
  try {
    const refund = await client.refunds.create(
      { payment_intent: target.payment_intent_id, amount: d.amountMinor, metadata: { payment_id: id } },
      { idempotencyKey: `refund:${id}:${d.idempotencyKey}`, stripeAccount: target.stripe_account_id },
    );
    const chargeId = typeof refund.charge === "string" ? refund.charge : refund.charge?.id;
    if (!chargeId) throw new Error("Stripe returned a refund without a charge");
    const charge = await client.charges.retrieve(chargeId, {}, { stripeAccount: target.stripe_account_id });
    refundId = refund.id;
    refundedTotal = charge.amount_refunded;
  } catch (err) {
    throw toPaymentError(err);
  }
  const row = await asSystem(async (db) => {
    const { rows } = await db.query<RefundRow & { id: string | null }>(
      `select * from private.record_online_invoice_refund(p_clinic_id => $1, p_payment_intent_id => $2,
         p_refunded_total => $3, p_refund_ref => $4, p_reason => $5, p_refunded_by => $6)`,
      [target.clinic_id, target.payment_intent_id, refundedTotal, refundId, d.reason, target.refunded_by],
    );
    if (rows[0]?.id) return rows[0];
    // already recorded from the charge.refunded webhook, which came first: that refund
    const latest = await db.query<RefundRow>(
      "select * from public.refunds where payment_id = $1 order by refunded_at desc, id desc limit 1",
      [id],
    );
    return latest.rows[0];
  });
  if (!row) throw new AppError("INTERNAL", "The refund was made at Stripe but could not be recorded.");
  return toRefund(row);
}
