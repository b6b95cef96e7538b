// Stripe event type -> its handler (one file per type). Types not listed are acknowledged and logged.
import "server-only";
import { accountUpdated } from "./account-updated";
import { chargeDisputeCreated } from "./charge-dispute-created";
import { chargeRefunded } from "./charge-refunded";
import { paymentIntentPaymentFailed } from "./payment-intent-payment-failed";
import { paymentIntentSucceeded } from "./payment-intent-succeeded";
import { setupIntentSucceeded } from "./setup-intent-succeeded";
import type { StripeEventHandler } from "./types";

export const stripeEventHandlers: Record<string, StripeEventHandler> = {
  "payment_intent.succeeded": paymentIntentSucceeded,
  "payment_intent.payment_failed": paymentIntentPaymentFailed,
  "charge.refunded": chargeRefunded,
  "charge.dispute.created": chargeDisputeCreated,
  "account.updated": accountUpdated,
  "setup_intent.succeeded": setupIntentSucceeded,
};
