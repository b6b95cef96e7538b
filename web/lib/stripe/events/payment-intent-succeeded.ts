// payment_intent.succeeded - the money is taken: the attempt becomes succeeded (final) and the payment is
// applied to what it paid for, once, however often or late the event arrives.
import "server-only";
import type Stripe from "stripe";
import { applyPaymentIntentStatus } from "./payment-intent-status";
import type { StripeEventHandler } from "./types";

export const paymentIntentSucceeded: StripeEventHandler = (db, event) =>
  applyPaymentIntentStatus(db, event, event.data.object as Stripe.PaymentIntent, "succeeded");
