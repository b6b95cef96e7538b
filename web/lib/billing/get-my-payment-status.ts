// What happened to a client's online payment, as the server knows it (the page Stripe returns to never trusts
// the redirect's own status): the attempt's status from the webhooks, and while those have not arrived, the
// PaymentIntent as Stripe reports it now.
import "server-only";
import { z } from "zod";
import { asSystem, withUser } from "@/lib/db/context";
import type { SessionUser } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { getStripe } from "@/lib/stripe/client";
import { confirmWithStandIn, isStripeStandIn } from "@/lib/stripe/confirm-with-stand-in";
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
  if (attempt.status === "succeeded") return attempt.refused_cents > 0 ? "refused" : "succeeded";
  if (attempt.status === "failed" || attempt.status === "canceled") return "failed";
  // the webhook has not arrived yet: ask Stripe
  const { client } = getStripe();
  const intent = await client.paymentIntents.retrieve(pi, {}, { stripeAccount: attempt.stripe_account_id });
  if (intent.status === "succeeded" || intent.status === "processing") return "processing";
  if (intent.last_payment_error || intent.status === "canceled") return "failed";
  return "processing";
}

/** Test only (see confirm-with-stand-in.ts): the client's own invoice, confirmed with the stand-in's test card. */
export async function confirmMyPaymentWithStandIn(
  user: SessionUser,
  clientId: string,
  invoiceId: string,
  paymentIntentId: string,
): Promise<void> {
  if (!isStripeStandIn()) throw new AppError("NOT_FOUND", "Not found.");
  const pi = parseWith(paymentIntentField, paymentIntentId);
  const id = await requireOwnInvoice(user, clientId, invoiceId);
  await confirmWithStandIn(id, pi);
}
