// setup_intent.succeeded - a client saved a card for subscriptions. The clinic is the one owning the connected
// account the event came from (not what metadata claims); the client must be that clinic's.
import "server-only";
import type Stripe from "stripe";
import { clinicOfAccount, savePaymentMethod } from "../queries";
import { idOf, metadataUuid, type StripeEventHandler } from "./types";

export const setupIntentSucceeded: StripeEventHandler = async (db, event) => {
  const intent = event.data.object as Stripe.SetupIntent;
  const clinicId = event.account ? await clinicOfAccount(db, event.account) : null;
  const clientId = metadataUuid(intent.metadata, "client_id");
  const paymentMethodId = idOf(intent.payment_method);
  if (!clinicId || !clientId || !paymentMethodId) {
    console.info("[stripe] setup_intent.succeeded without a known clinic, client or card", event.id);
    return;
  }
  await savePaymentMethod(db, {
    clinicId,
    clientId,
    setupIntentId: intent.id,
    paymentMethodId,
    customerId: idOf(intent.customer),
  });
};
