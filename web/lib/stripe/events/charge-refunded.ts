// charge.refunded - Stripe reports the charge's cumulative refunded amount; the attempt keeps the largest seen
// and passes on only the growth (nothing until the payment itself has been applied).
import "server-only";
import type Stripe from "stripe";
import { paymentSinkFor } from "../payment-sinks";
import { recordPaymentRefund } from "../queries";
import { idOf, type StripeEventHandler } from "./types";

export const chargeRefunded: StripeEventHandler = async (db, event) => {
  const charge = event.data.object as Stripe.Charge;
  const paymentIntentId = idOf(charge.payment_intent);
  const outcome = await recordPaymentRefund(db, {
    paymentIntentId,
    chargeId: charge.id,
    amountRefundedCents: charge.amount_refunded,
  });
  if (!outcome) {
    console.info("[stripe] refund of a charge Vete did not create", event.id, charge.id);
    return;
  }
  if (outcome.refundDeltaCents <= 0) return;
  // the newest refund, when the charge lists its refunds and that one is exactly the growth
  const newest = charge.refunds?.data?.[0];
  const refundId = newest && newest.amount === outcome.refundDeltaCents ? newest.id : null;
  await paymentSinkFor(outcome.targetKind).applyOnlineRefund(db, {
    clinicId: outcome.clinicId,
    target: { kind: outcome.targetKind, id: outcome.targetId },
    attemptId: outcome.attemptId,
    amountCents: outcome.refundDeltaCents,
    currency: outcome.currency,
    providerRef: paymentIntentId ?? charge.id,
    chargeId: charge.id,
    refundedTotalCents: charge.amount_refunded,
    refundId,
  });
};
