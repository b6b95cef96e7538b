// What happened to a client's online payment, as the server knows it (the page Stripe returns to never trusts
// the redirect's own status): the attempt's status from the webhooks, and while those have not arrived, the
// PaymentIntent as Stripe reports it now.
import "server-only";
import { z } from "zod";
import { asSystem, withUser } from "@/lib/db/context";
import type { SessionUser } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { confirmWithStandIn, isStripeStandIn, type StandInCard } from "@/lib/stripe/confirm-with-stand-in";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";

export type MyPaymentStatus = "succeeded" | "processing" | "failed" | "refused";

const paymentIntentField = z.string().regex(/^pi_[A-Za-z0-9_]+$/, "Not a payment id");

async function requireOwnInvoice(user: SessionUser, clientId: string, invoiceId: string): Promise<string> {
  const id = parseWith(idField, invoiceId);
  const mine = await withUser(user, async (db) => {
    const { rowCount } = await db.query("select 1 from public.invoices where id = $1 and client_id = $2", [
      id,
      clientId,
    ]);
    return rowCount === 1;
  });
  if (!mine) throw new AppError("NOT_FOUND", "That payment does not exist.");
  return id;
}

export async function getMyPaymentStatus(
  user: SessionUser,
  clientId: string,
  invoiceId: string,
  paymentIntentId: string,
): Promise<MyPaymentStatus> {
  const pi = parseWith(paymentIntentField, paymentIntentId);
  const id = await requireOwnInvoice(user, clientId, invoiceId);
  const attempt = await asSystem(async (db) => {
    const { rows } = await db.query<{ status: string; refused_cents: number; stripe_account_id: string }>(
      `select status, refused_cents::float8 as refused_cents, stripe_account_id from public.payment_attempts
        where target_kind = 'invoice' and target_id = $1 and payment_intent_id = $2`,
      [id, pi],
    );
    return rows[0];
  });
  if (!attempt) throw new AppError("NOT_FOUND", "That payment does not exist.");
  // only a success is final in the record: a declined card leaves the PaymentIntent open for another card, so
  // a "failed" on record may already be followed by a retry that Stripe is processing or has taken
  if (attempt.status === "succeeded") return attempt.refused_cents > 0 ? "refused" : "succeeded";
  if (attempt.status === "canceled") return "failed";
  const { client } = getStripe();
  const intent = await client.paymentIntents.retrieve(pi, {}, { stripeAccount: attempt.stripe_account_id });
  return statusOfIntent(intent.status);
}

/**
 * What the client is told about a PaymentIntent whose webhook has not settled it. Taken or being taken
 * (succeeded, processing) waits for the webhook, which applies the payment. Anything still asking for the
 * payer (requires_payment_method after a decline or a failed 3-D Secure, requires_action or
 * requires_confirmation when they left half way, or never confirmed at all) is "failed": nothing was charged,
 * and "Try again" reuses the same PaymentIntent.
 */
export function statusOfIntent(status: string): MyPaymentStatus {
  return status === "succeeded" || status === "processing" ? "processing" : "failed";
}

/** Test only (see confirm-with-stand-in.ts): the client's own invoice, confirmed with a stand-in test card. */
export async function confirmMyPaymentWithStandIn(
  user: SessionUser,
  clientId: string,
  invoiceId: string,
  paymentIntentId: string,
  card: StandInCard = "visa",
): Promise<{ declined: boolean }> {
  if (!isStripeStandIn()) throw new AppError("NOT_FOUND", "Not found.");
  const pi = parseWith(paymentIntentField, paymentIntentId);
  const id = await requireOwnInvoice(user, clientId, invoiceId);
  return confirmWithStandIn(id, pi, card);
}
