// Verifies a webhook delivery on its raw body and applies it exactly once: the event id is recorded in the
// same transaction as its effect, so a duplicate (even a concurrent one, which waits on the id's key) does
// nothing, and a failure rolls both back so Stripe's retry finds the event unapplied.
import "server-only";
import type Stripe from "stripe";
import { asSystem } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { getStripe } from "./client";
import { stripeEventHandlers } from "./events";
import { recordStripeEvent } from "./queries";
import { refundRefusedPayment } from "./refund-refused-payment";
// wires the invoice's payment sink before the first event is applied
import "@/lib/billing/invoice-payment-sink";

export type WebhookOutcome = "applied" | "duplicate" | "ignored";

/** Parses and verifies; BAD_REQUEST (400) for a missing or wrong signature, a stale timestamp or bad JSON. */
export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  const { client, settings } = getStripe();
  if (!signature) throw new AppError("BAD_REQUEST", "Missing Stripe-Signature header.");
  try {
    return client.webhooks.constructEvent(rawBody, signature, settings.webhookSecret);
  } catch {
    // constructEvent throws on a bad signature and, after a good one, on a body that is not JSON
    throw new AppError("BAD_REQUEST", "The webhook signature or body is not valid.");
  }
}

export async function applyStripeWebhook(event: Stripe.Event): Promise<WebhookOutcome> {
  const handler = stripeEventHandlers[event.type];
  if (!handler) {
    console.info("[stripe] event type not handled, acknowledged", event.type, event.id);
    return "ignored";
  }
  const outcome = await asSystem(async (db): Promise<WebhookOutcome> => {
    const fresh = await recordStripeEvent(db, {
      id: event.id,
      type: event.type,
      account: event.account ?? null,
      created: event.created,
    });
    if (!fresh) return "duplicate";
    await handler(db, event);
    return "applied";
  });
  // After the commit, also for a duplicate: a payment its target refused goes back through Stripe. A failure
  // here answers 5xx, and Stripe's next delivery of the event (a duplicate by then) tries again.
  if (event.type === "payment_intent.succeeded") {
    await refundRefusedPayment((event.data.object as Stripe.PaymentIntent).id);
  }
  return outcome;
}
