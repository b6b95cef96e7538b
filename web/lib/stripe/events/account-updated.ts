// account.updated - a clinic's connected account changed (onboarding finished, Stripe paused payouts...):
// copy whether it may take charges and receive payouts; an older event never overwrites a newer one.
import "server-only";
import type Stripe from "stripe";
import { updatePaymentAccountStatus } from "../queries";
import type { StripeEventHandler } from "./types";

export const accountUpdated: StripeEventHandler = async (db, event) => {
  const account = event.data.object as Stripe.Account;
  const clinicId = await updatePaymentAccountStatus(db, {
    accountId: account.id,
    chargesEnabled: account.charges_enabled,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    eventCreated: event.created,
  });
  if (!clinicId) console.info("[stripe] account.updated not applied (unknown account or older event)", event.id);
};
