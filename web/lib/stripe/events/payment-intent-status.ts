// Shared by the PaymentIntent handlers: record the status without regressing it (the SQL decides), then hand
// a payment that just succeeded to its target's sink, followed by refunds that arrived before it.
import "server-only";
import type Stripe from "stripe";
import type { Db } from "@/lib/db/types";
import { paymentSinkFor } from "../payment-sinks";
import { recordPaymentIntentStatus } from "../queries";
import { idOf, metadataUuid } from "./types";

export async function applyPaymentIntentStatus(
  db: Db,
  event: Stripe.Event,
  intent: Stripe.PaymentIntent,
  status: "succeeded" | "failed",
): Promise<void> {
  const outcome = await recordPaymentIntentStatus(db, {
    paymentIntentId: intent.id,
    attemptId: metadataUuid(intent.metadata, "payment_attempt_id"),
    status,
    amountReceivedCents: intent.amount_received,
    latestChargeId: idOf(intent.latest_charge),
    errorCode: status === "failed" ? (intent.last_payment_error?.code ?? "payment_failed") : null,
    eventCreated: event.created,
  });
  if (!outcome) {
    console.info("[stripe] event for a PaymentIntent Vete did not create", event.id, intent.id);
    return;
  }
  if (!outcome.newlySucceeded) return;
  const base = {
    clinicId: outcome.clinicId,
    target: { kind: outcome.targetKind, id: outcome.targetId },
    attemptId: outcome.attemptId,
    currency: outcome.currency,
    providerRef: intent.id,
  };
  const sink = paymentSinkFor(outcome.targetKind);
  await sink.applyOnlinePayment(db, { ...base, amountCents: outcome.amountReceivedCents });
  if (outcome.pendingRefundCents > 0) {
    await sink.applyOnlineRefund(db, {
      ...base,
      amountCents: outcome.pendingRefundCents,
      chargeId: idOf(intent.latest_charge),
      // refunds held back until the success: the attempt's cumulative total
      refundedTotalCents: outcome.pendingRefundCents,
      refundId: null,
    });
  }
}
