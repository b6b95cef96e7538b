// Test-only confirmation, for the end-to-end tests: Stripe Elements loads Stripe.js from js.stripe.com, which
// the test machines cannot reach, so the pay page offers this instead when (and only when) the Stripe SDK is
// pointed at a local stand-in with a test key. The stand-in confirms the PaymentIntent with Stripe's test card
// and sends the signed webhook to the app, as Stripe would. In production STRIPE_API_BASE is never set, so
// this is off (and the route answers 404).
import "server-only";
import Stripe from "stripe";
import { asSystem } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { getStripe, stripeSettings } from "./client";

const loopback = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** True only with a test secret key and STRIPE_API_BASE on this machine (the stand-in). */
export function isStripeStandIn(): boolean {
  const s = stripeSettings();
  if (!s?.apiBase || !s.secretKey.startsWith("sk_test_")) return false;
  try {
    return loopback.has(new URL(s.apiBase).hostname);
  } catch {
    return false;
  }
}

/** Stripe's test cards the stand-in knows: one that pays, one that is declined. */
export type StandInCard = "visa" | "declined";
const testCards: Record<StandInCard, string> = { visa: "pm_card_visa", declined: "pm_card_chargeDeclined" };

/**
 * Confirms the PaymentIntent of one of the invoice's attempts with a test card (stand-in only). A decline is
 * not an error here: the PaymentIntent stays open (requires_payment_method) and the caller goes on to the
 * status page, as Stripe's redirect does after a failed 3-D Secure check.
 */
export async function confirmWithStandIn(
  invoiceId: string,
  paymentIntentId: string,
  card: StandInCard = "visa",
): Promise<{ declined: boolean }> {
  if (!isStripeStandIn()) throw new AppError("NOT_FOUND", "Not found.");
  const account = await asSystem(async (db) => {
    const { rows } = await db.query<{ stripe_account_id: string }>(
      `select stripe_account_id from public.payment_attempts
        where target_kind = 'invoice' and target_id = $1 and payment_intent_id = $2`,
      [invoiceId, paymentIntentId],
    );
    return rows[0]?.stripe_account_id;
  });
  if (!account) throw new AppError("NOT_FOUND", "That payment does not exist.");
  try {
    await getStripe().client.paymentIntents.confirm(
      paymentIntentId,
      { payment_method: testCards[card] },
      { stripeAccount: account },
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) return { declined: true };
    throw err;
  }
  return { declined: false };
}
