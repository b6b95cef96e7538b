// Creates (or reuses) the PaymentIntent that pays a target, on the clinic's connected account. The amount and
// currency come from the Payable, which a loader read from the database; the idempotency key comes from the
// payment attempt (`invoice:<id>:attempt:<n>`), so two tabs pressing Pay, or a retry after a timeout, get the
// same PaymentIntent and the client can be charged only once. The Stripe call runs between two short
// transactions, never inside one.
import "server-only";
import type Stripe from "stripe";
import { asSystem } from "@/lib/db/context";
import { AppError } from "@/lib/errors";
import { getStripe } from "./client";
import { type Payable, targetMetadataKey } from "./payment-targets";
import { toPaymentError } from "./provider-error";

export interface PaymentIntentForBrowser {
  attemptId: string;
  paymentIntentId: string;
  /** For Stripe Elements in the payer's browser only; never logged or shown to staff. */
  clientSecret: string;
  amountCents: number;
  currency: string;
  status: string;
  stripeAccount: string;
  publishableKey: string;
}

const attemptStatusOf: Record<Stripe.PaymentIntent.Status, string> = {
  requires_payment_method: "requires_payment_method",
  requires_confirmation: "requires_payment_method",
  requires_action: "requires_action",
  processing: "processing",
  requires_capture: "processing",
  succeeded: "succeeded",
  canceled: "canceled",
};

/** The platform's fee in minor units for an amount (rounded down; 0 by default). */
export function platformFee(amountCents: number, feeBps: number): number {
  return Math.floor((amountCents * feeBps) / 10_000);
}

export async function createPaymentIntent(payable: Payable): Promise<PaymentIntentForBrowser> {
  const { client, settings } = getStripe();
  if (!Number.isInteger(payable.amountCents) || payable.amountCents <= 0) {
    throw new AppError("CONFLICT", "There is nothing left to pay.");
  }
  const begun = await asSystem(async (db) => {
    const { rows: accounts } = await db.query<{ stripe_account_id: string; charges_enabled: boolean }>(
      "select stripe_account_id, charges_enabled from public.clinic_payment_accounts where clinic_id = $1",
      [payable.clinicId],
    );
    const account = accounts[0];
    if (!account?.charges_enabled) {
      throw new AppError(
        "PAYMENTS_NOT_READY",
        "This clinic does not take card payments online yet; pay at the clinic.",
        {
          status: 409,
        },
      );
    }
    const { rows } = await db.query<{
      attempt_id: string;
      idempotency_key: string;
      superseded_payment_intent_id: string | null;
    }>(
      `select attempt_id, idempotency_key, superseded_payment_intent_id
         from private.begin_payment_attempt(p_clinic_id => $1, p_target_kind => $2, p_target_id => $3,
                p_amount_cents => $4, p_currency => $5, p_stripe_account_id => $6)`,
      [
        payable.clinicId,
        payable.target.kind,
        payable.target.id,
        payable.amountCents,
        payable.currency,
        account.stripe_account_id,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error("begin_payment_attempt returned no row");
    return { ...row, stripeAccount: account.stripe_account_id };
  });

  if (begun.superseded_payment_intent_id) {
    // The balance changed while an older PaymentIntent was open: cancel it so a stale tab cannot pay it.
    await client.paymentIntents
      .cancel(
        begun.superseded_payment_intent_id,
        { cancellation_reason: "abandoned" },
        { stripeAccount: begun.stripeAccount, idempotencyKey: `cancel:${begun.superseded_payment_intent_id}` },
      )
      .catch((err: unknown) => console.warn("[stripe] could not cancel a superseded PaymentIntent", err));
  }

  const fee = platformFee(payable.amountCents, settings.platformFeeBps);
  let intent: Stripe.PaymentIntent;
  try {
    const created = await client.paymentIntents.create(
      {
        amount: payable.amountCents,
        currency: payable.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        ...(fee > 0 && { application_fee_amount: fee }),
        ...(payable.description && { description: payable.description }),
        metadata: {
          clinic_id: payable.clinicId,
          [targetMetadataKey(payable.target.kind)]: payable.target.id,
          payment_attempt_id: begun.attempt_id,
        },
      },
      { idempotencyKey: begun.idempotency_key, stripeAccount: begun.stripeAccount },
    );
    // A replay is the PaymentIntent as first created; the page needs its status now (e.g. already paid).
    intent =
      created.lastResponse.headers["idempotent-replayed"] === "true"
        ? await client.paymentIntents.retrieve(created.id, {}, { stripeAccount: begun.stripeAccount })
        : created;
  } catch (err) {
    throw toPaymentError(err);
  }
  if (!intent.client_secret) throw new Error("Stripe returned a PaymentIntent without a client secret");

  await asSystem((db) =>
    db.query(
      `update public.payment_attempts
          set payment_intent_id = $2, client_secret = $3,
              status = case when status = 'creating' then $4 else status end
        where id = $1 and (payment_intent_id is null or payment_intent_id = $2)`,
      [begun.attempt_id, intent.id, intent.client_secret, attemptStatusOf[intent.status]],
    ),
  );
  return {
    attemptId: begun.attempt_id,
    paymentIntentId: intent.id,
    clientSecret: intent.client_secret,
    amountCents: intent.amount,
    currency: intent.currency.toUpperCase(),
    status: intent.status,
    stripeAccount: begun.stripeAccount,
    publishableKey: settings.publishableKey,
  };
}
