// PaymentIntents for what a client pays (an invoice here; orders and subscriptions the same way), against the
// Stripe stand-in and the real Postgres: the amount comes from the payable read on the server, the idempotency
// key from the payment attempt, so concurrent Pay presses share one PaymentIntent and one charge; the
// PaymentIntent is created on the clinic's connected account with metadata naming the clinic and the target.
// Faults (500s, hangs, 429s) never produce a second PaymentIntent.
//
// The concurrency guard is the advisory lock in private.begin_payment_attempt (with the unique
// (target_kind, target_id, attempt) behind it). Checked by hand on 2026-11-30 with the lock removed from the
// migration: "racing transactions ... one attempt row" failed (the racers hit the unique constraint). The
// ten concurrent presses through the use-case passed even then: its transactions are too short to overlap
// reliably, which is why the race is also run with transactions held open.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closePool } from "@/lib/db/pool";
import { createPaymentIntent, platformFee } from "@/lib/stripe/create-payment-intent";
import type { Payable } from "@/lib/stripe/payment-targets";
import { closeTestPool, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";
import {
  configureStripeForStandIn,
  startStripeStandIn,
  stripeId,
  type StripeStandIn,
} from "../helpers/stripe-stand-in";

let standIn: StripeStandIn;
let clinic: TestClinic;
let account: string;
let browser: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  configureStripeForStandIn(standIn, { timeoutMs: 800 });
  clinic = await createClinic();
  account = stripeId("acct", 16);
  await testPool().query(
    "insert into public.clinic_payment_accounts (clinic_id, stripe_account_id, charges_enabled, payouts_enabled) values ($1, $2, true, true)",
    [clinic.id, account],
  );
  const url = new URL(standIn.url);
  browser = new Stripe("sk_test_browser_stand_in", { host: url.hostname, port: url.port, protocol: "http" });
});
beforeEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
  await closePool();
  await closeTestPool();
});

const invoice = (amountCents = 4250, clinicId = clinic.id): Payable => ({
  target: { kind: "invoice", id: randomUUID() },
  clinicId,
  amountCents,
  currency: "EUR",
});

async function attempts(targetId: string) {
  const { rows } = await testPool().query<{ attempt: number; status: string; payment_intent_id: string | null }>(
    "select attempt, status, payment_intent_id from public.payment_attempts where target_id = $1 order by attempt",
    [targetId],
  );
  return rows;
}

describe("creating a PaymentIntent (stand-in for Stripe)", () => {
  it("uses the payable's amount and currency, the clinic's connected account, metadata and a key derived from the attempt", async () => {
    const p = invoice();
    const out = await createPaymentIntent(p);
    const pi = standIn.paymentIntents.get(out.paymentIntentId);
    expect(pi).toMatchObject({
      amount: 4250,
      currency: "eur",
      metadata: { clinic_id: clinic.id, invoice_id: p.target.id, payment_attempt_id: out.attemptId },
    });
    expect(pi?.application_fee_amount).toBeNull();
    expect(standIn.requests[0]).toMatchObject({ account, idempotencyKey: `invoice:${p.target.id}:attempt:1` });
    expect(out).toMatchObject({ amountCents: 4250, currency: "EUR", stripeAccount: account });
    expect(out.clientSecret).toMatch(new RegExp(`^${out.paymentIntentId}_secret_`));
    expect(await attempts(p.target.id)).toEqual([
      { attempt: 1, status: "requires_payment_method", payment_intent_id: out.paymentIntentId },
    ]);
  });

  it("gives ten concurrent Pay presses (two tabs and more) one PaymentIntent, and the client is charged once", async () => {
    const p = invoice();
    const results = await Promise.all(Array.from({ length: 10 }, () => createPaymentIntent(p)));
    expect(new Set(results.map((r) => r.paymentIntentId)).size).toBe(1);
    expect(standIn.paymentIntents.size).toBe(1);
    expect(await attempts(p.target.id)).toHaveLength(1);
    // both tabs confirm with a card: the second finds the PaymentIntent already paid
    const id = results[0]!.paymentIntentId;
    const tabs = await Promise.allSettled([
      browser.paymentIntents.confirm(id, { payment_method: "pm_card_visa" }, { stripeAccount: account }),
      browser.paymentIntents.confirm(id, { payment_method: "pm_card_visa" }, { stripeAccount: account }),
    ]);
    expect(tabs.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(standIn.charges.size).toBe(1);
    // a press after paying (before the webhook) returns the same, now succeeded, PaymentIntent
    const again = await createPaymentIntent(p);
    expect(again).toMatchObject({ paymentIntentId: id, status: "succeeded" });
    expect(standIn.paymentIntents.size).toBe(1);
  });

  it("gives racing transactions that each hold their attempt open one attempt row (real concurrent connections)", async () => {
    const targetId = randomUUID();
    const racers = Array.from({ length: 6 }, async () => {
      const c = await testPool().connect();
      try {
        await c.query("begin");
        const { rows } = await c.query<{ idempotency_key: string }>(
          `select idempotency_key from private.begin_payment_attempt(p_clinic_id => $1, p_target_kind => 'invoice',
             p_target_id => $2, p_amount_cents => 4250, p_currency => 'EUR', p_stripe_account_id => $3)`,
          [clinic.id, targetId, account],
        );
        // keep the transaction open a moment, so a racer without the lock reads before this commits
        await new Promise((resolve) => setTimeout(resolve, 50));
        await c.query("commit");
        return rows[0]?.idempotency_key;
      } catch (err) {
        await c.query("rollback");
        throw err;
      } finally {
        c.release();
      }
    });
    const keys = await Promise.all(racers);
    expect(new Set(keys)).toEqual(new Set([`invoice:${targetId}:attempt:1`]));
    expect(await attempts(targetId)).toHaveLength(1);
  });

  it("reuses the PaymentIntent after a declined card (the payer tries another card on it), and opens attempt 2 after a cancel", async () => {
    const p = invoice();
    const first = await createPaymentIntent(p);
    await testPool().query("update public.payment_attempts set status = 'failed' where id = $1", [first.attemptId]);
    expect((await createPaymentIntent(p)).paymentIntentId).toBe(first.paymentIntentId);
    await testPool().query("update public.payment_attempts set status = 'canceled' where id = $1", [first.attemptId]);
    const second = await createPaymentIntent(p);
    expect(second.paymentIntentId).not.toBe(first.paymentIntentId);
    expect(standIn.requests.at(-1)?.idempotencyKey).toBe(`invoice:${p.target.id}:attempt:2`);
    expect((await attempts(p.target.id)).map((a) => a.status)).toEqual(["canceled", "requires_payment_method"]);
  });

  it("cancels the open PaymentIntent when the balance changed, so a stale tab cannot pay the old amount", async () => {
    const p = invoice(5000);
    const first = await createPaymentIntent(p);
    const second = await createPaymentIntent({ ...p, amountCents: 3000 });
    expect(second.amountCents).toBe(3000);
    expect(standIn.paymentIntents.get(first.paymentIntentId)?.status).toBe("canceled");
    expect((await attempts(p.target.id)).map((a) => a.status)).toEqual(["canceled", "requires_payment_method"]);
  });

  it("refuses a new attempt while one is processing, and for the same amount once the last one succeeded", async () => {
    const p = invoice();
    const first = await createPaymentIntent(p);
    await testPool().query("update public.payment_attempts set status = 'processing' where id = $1", [first.attemptId]);
    expect(await errorOf(createPaymentIntent({ ...p, amountCents: 1000 }))).toMatchObject({
      code: "PAYMENT_ALREADY_MADE",
      status: 409,
    });
    await testPool().query("update public.payment_attempts set status = 'succeeded' where id = $1", [first.attemptId]);
    const err = await errorOf(createPaymentIntent(p));
    expect(err.code).toBe("PAYMENT_ALREADY_MADE");
    expect(err.status).toBe(409);
    expect(standIn.paymentIntents.size).toBe(1);
    // a balance left after a partial online payment can be paid with a new attempt
    expect((await createPaymentIntent({ ...p, amountCents: 1000 })).amountCents).toBe(1000);
  });

  it("refuses when the clinic has no connected account that can take charges, before calling Stripe", async () => {
    const other = await createClinic();
    const err = await errorOf(createPaymentIntent(invoice(4250, other.id)));
    expect(err).toMatchObject({ code: "PAYMENTS_NOT_READY", status: 409 });
    expect(standIn.requests).toHaveLength(0);
  });

  it("adds the platform fee only when one is configured (rounded down, 0 by default)", () => {
    expect(platformFee(4250, 0)).toBe(0);
    expect(platformFee(4250, 150)).toBe(63);
    expect(platformFee(99, 100)).toBe(0);
  });

  it("survives a 500 whose PaymentIntent was created (the SDK retries with the same key): one PaymentIntent", async () => {
    const p = invoice();
    standIn.addFault({ kind: "lostResponse500", path: /^\/v1\/payment_intents$/ });
    const out = await createPaymentIntent(p);
    expect(standIn.requests.filter((r) => r.method === "POST").map((r) => r.idempotencyKey)).toEqual([
      `invoice:${p.target.id}:attempt:1`,
      `invoice:${p.target.id}:attempt:1`,
    ]);
    expect([...standIn.paymentIntents.keys()]).toEqual([out.paymentIntentId]);
  });

  it("answers 503 when Stripe hangs or keeps failing, and the next press reuses the attempt's key", async () => {
    const p = invoice();
    standIn.addFault({ kind: "hang", times: 2 });
    expect(await errorOf(createPaymentIntent(p))).toMatchObject({ code: "PAYMENT_PROVIDER_UNAVAILABLE", status: 503 });
    standIn.addFault({ kind: "error500", times: 2 });
    expect(await errorOf(createPaymentIntent(p))).toMatchObject({ code: "PAYMENT_PROVIDER_UNAVAILABLE", status: 503 });
    const out = await createPaymentIntent(p);
    const keys = standIn.requests.filter((r) => r.method === "POST").map((r) => r.idempotencyKey);
    expect(new Set(keys)).toEqual(new Set([`invoice:${p.target.id}:attempt:1`]));
    expect([...standIn.paymentIntents.keys()]).toEqual([out.paymentIntentId]);
    expect(await attempts(p.target.id)).toHaveLength(1);
  });

  it("answers 429 RATE_LIMITED when Stripe rate-limits, creating nothing", async () => {
    standIn.addFault({ kind: "rateLimit" });
    const err = await errorOf(createPaymentIntent(invoice()));
    expect(err).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(standIn.paymentIntents.size).toBe(0);
  });
});
