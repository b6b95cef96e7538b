// charge.dispute.created - a client disputed a card payment: the attempt is marked and the clinic's owners and
// admins get an email through the outbox (once per dispute and person), since they have days to respond.
import "server-only";
import type Stripe from "stripe";
import { recordPaymentDispute } from "../queries";
import { idOf, type StripeEventHandler } from "./types";

export const chargeDisputeCreated: StripeEventHandler = async (db, event) => {
  const dispute = event.data.object as Stripe.Dispute;
  const attemptId = await recordPaymentDispute(db, {
    paymentIntentId: idOf(dispute.payment_intent),
    chargeId: idOf(dispute.charge),
    disputeId: dispute.id,
    amountCents: dispute.amount,
    currency: dispute.currency,
    reason: dispute.reason,
  });
  if (!attemptId) console.info("[stripe] dispute on a charge Vete did not create", event.id, dispute.id);
};
