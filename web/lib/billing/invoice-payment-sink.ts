// The invoice's payment sink: where a succeeded PaymentIntent and the refunds of its charge go when what was
// paid is an invoice. Both run inside the webhook's transaction, on the system path, through SQL (migration
// 530): the payment through private.apply_payment under the invoice's lock (replay guard: the PaymentIntent id
// as provider_ref), or marked refused when it no longer fits the balance (the app then refunds it through
// Stripe); refunds up to Stripe's cumulative refunded amount with a credit note, so a refund staff already
// recorded is not counted again.
import "server-only";
import type { Db } from "@/lib/db/types";
import { setPaymentSink, type PaymentSink } from "@/lib/stripe/payment-sinks";

/** The reason on the credit note of a refund made outside Vete (in Stripe's dashboard). */
export const STRIPE_REFUND_REASON = "Refunded through Stripe";

export const invoicePaymentSink: PaymentSink = {
  async applyOnlinePayment(db: Db, p) {
    await db.query(
      `select private.apply_online_invoice_payment(p_attempt_id => $1, p_clinic_id => $2, p_invoice_id => $3,
         p_amount_minor => $4, p_currency => $5, p_payment_intent_id => $6)`,
      [p.attemptId, p.clinicId, p.target.id, p.amountCents, p.currency, p.providerRef],
    );
  },
  async applyOnlineRefund(db: Db, r) {
    await db.query(
      `select private.record_online_invoice_refund(p_clinic_id => $1, p_payment_intent_id => $2,
         p_refunded_total => $3, p_refund_ref => $4, p_reason => $5, p_refunded_by => null)`,
      [r.clinicId, r.providerRef, r.refundedTotalCents, r.refundId, STRIPE_REFUND_REASON],
    );
  },
};

setPaymentSink("invoice", invoicePaymentSink);
