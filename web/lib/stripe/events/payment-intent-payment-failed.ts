// payment_intent.payment_failed - a card was declined or authentication failed. The payer may try again on the
// same PaymentIntent, so a later success still counts; a failure arriving after the success changes nothing.
import "server-only";
import type Stripe from "stripe";
import { applyPaymentIntentStatus } from "./payment-intent-status";
import type { StripeEventHandler } from "./types";

export const paymentIntentPaymentFailed: StripeEventHandler = (db, event) =>
  applyPaymentIntentStatus(db, event, event.data.object as Stripe.PaymentIntent, "failed");
