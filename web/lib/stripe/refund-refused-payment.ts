// Sends back a payment its target refused (a second tab that also paid, a stale tab paying an old amount, an
// invoice paid at the desk or voided meanwhile). The webhook's transaction marked the attempt refused; this
// runs after it commits, because a Stripe call never runs inside a transaction. The idempotency key is derived
// from the PaymentIntent, so however often it runs (Stripe's retries of the event, two deliveries at once)
// there is one refund; the refund id is stored when Stripe answers. If Stripe fails, the caller answers 5xx,
// Stripe delivers the event again, and the duplicate delivery runs this again.
import "server-only";
import Stripe from "stripe";
import { asSystem } from "@/lib/db/context";
import { getStripe } from "./client";

export async function refundRefusedPayment(paymentIntentId: string): Promise<string | null> {
  const owed = await asSystem(async (db) => {
    const { rows } = await db.query<{ id: string; stripe_account_id: string }>(
      `select id, stripe_account_id from public.payment_attempts
        where payment_intent_id = $1 and refused_cents > 0 and refused_refund_id is null`,
      [paymentIntentId],
    );
    return rows[0];
  });
  if (!owed) return null;
  const { client } = getStripe();
  let refundId: string;
  try {
    // no amount: whatever is left of the charge (part of it may already have been refunded in Stripe)
    const refund = await client.refunds.create(
      { payment_intent: paymentIntentId, reason: "duplicate", metadata: { payment_attempt_id: owed.id } },
      { idempotencyKey: `refused-payment:${paymentIntentId}:refund`, stripeAccount: owed.stripe_account_id },
    );
    refundId = refund.id;
  } catch (err) {
    if (!(err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "charge_already_refunded")) throw err;
    refundId = "already_refunded";
  }
  await asSystem((db) =>
    db.query(
      `update public.payment_attempts set refused_refund_id = $2, refused_refunded_at = now()
        where id = $1 and refused_refund_id is null`,
      [owed.id, refundId],
    ),
  );
  return refundId;
}
