// The Stripe stand-in, driven through the real `stripe` SDK: Stripe's idempotency rules (replay, mismatch),
// object shapes, Connect scoping, declines, and the faults the payment tests rely on (500s the SDK retries,
// hangs that time out, 429s). If the stand-in drifted from what the SDK sends or expects, these fail first.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startStripeStandIn, stripeEvent, type StripeStandIn } from "../helpers/stripe-stand-in";

let standIn: StripeStandIn;
let stripe: Stripe;

const sdk = (opts: { timeout?: number; retries?: number } = {}) => {
  const url = new URL(standIn.url);
  return new Stripe("sk_test_stand_in", {
    host: url.hostname,
    port: url.port,
    protocol: "http",
    timeout: opts.timeout ?? 5_000,
    maxNetworkRetries: opts.retries ?? 2,
  });
};

beforeAll(async () => {
  standIn = await startStripeStandIn();
  stripe = sdk();
});
beforeEach(() => standIn.reset());
afterAll(() => standIn.close());

const acct = "acct_1StandInClinic";
const params = {
  amount: 4250,
  currency: "eur",
  automatic_payment_methods: { enabled: true },
  metadata: { clinic_id: "c-1", invoice_id: "i-1" },
};

describe("Stripe stand-in (through the real SDK)", () => {
  it("creates a PaymentIntent shaped like Stripe's on the connected account named by Stripe-Account", async () => {
    const pi = await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-shape" });
    expect(pi).toMatchObject({
      object: "payment_intent",
      amount: 4250,
      currency: "eur",
      status: "requires_payment_method",
      amount_received: 0,
      latest_charge: null,
      metadata: { clinic_id: "c-1", invoice_id: "i-1" },
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_`));
    expect(standIn.requests[0]).toMatchObject({ account: acct, idempotencyKey: "k-shape" });
    expect((await stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: acct })).id).toBe(pi.id);
    const other = await stripe.paymentIntents.retrieve(pi.id, {}, { stripeAccount: "acct_other" }).catch((e) => e);
    expect(other).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(other).toMatchObject({ code: "resource_missing", statusCode: 404 });
  });

  it("replays the stored response for the same key and parameters, and creates nothing new", async () => {
    const a = await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-replay" });
    const b = await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-replay" });
    expect(b.id).toBe(a.id);
    expect(b.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(standIn.paymentIntents.size).toBe(1);
    // keys are scoped per account, as on Stripe
    const c = await stripe.paymentIntents.create(params, { stripeAccount: "acct_other", idempotencyKey: "k-replay" });
    expect(c.id).not.toBe(a.id);
  });

  it("refuses the same key with different parameters with Stripe's idempotency_error (400)", async () => {
    await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-mismatch" });
    const err = await stripe.paymentIntents
      .create({ ...params, amount: 9999 }, { stripeAccount: acct, idempotencyKey: "k-mismatch" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err).toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    expect(standIn.paymentIntents.size).toBe(1);
  });

  it("yields one PaymentIntent when the SDK retries a 500 whose work was done (lost response) with the same key", async () => {
    standIn.addFault({ kind: "lostResponse500", path: /^\/v1\/payment_intents$/ });
    const pi = await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-lost" });
    const creates = standIn.requests.filter((r) => r.path === "/v1/payment_intents");
    expect(creates.map((r) => r.idempotencyKey)).toEqual(["k-lost", "k-lost"]);
    expect([...standIn.paymentIntents.keys()]).toEqual([pi.id]);
  });

  it("yields one PaymentIntent when the SDK retries a 500 raised before the work (nothing stored)", async () => {
    standIn.addFault({ kind: "error500", path: /^\/v1\/payment_intents$/ });
    const pi = await stripe.paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-500" });
    expect(standIn.requests).toHaveLength(2);
    expect([...standIn.paymentIntents.keys()]).toEqual([pi.id]);
  });

  it("gives up with a connection error when the stand-in hangs past the client's timeout", async () => {
    standIn.addFault({ kind: "hang" });
    const err = await sdk({ timeout: 300, retries: 0 })
      .paymentIntents.create(params, { stripeAccount: acct, idempotencyKey: "k-hang" })
      .catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    expect(standIn.paymentIntents.size).toBe(0);
  });

  it("answers 429 rate_limit without doing anything, and the SDK does not retry it", async () => {
    standIn.addFault({ kind: "rateLimit" });
    const err = await stripe.paymentIntents.create(params, { idempotencyKey: "k-429" }).catch((e) => e);
    expect(err).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(standIn.requests).toHaveLength(1);
    expect(standIn.paymentIntents.size).toBe(0);
    // nothing was stored under the key: the same request now succeeds
    expect((await stripe.paymentIntents.create(params, { idempotencyKey: "k-429" })).object).toBe("payment_intent");
  });

  it("declines pm_card_chargeDeclined (card_declined), asks for authentication with pm_card_authenticationRequired, then charges once", async () => {
    const pi = await stripe.paymentIntents.create(params, { stripeAccount: acct });
    const declined = await stripe.paymentIntents
      .confirm(pi.id, { payment_method: "pm_card_chargeDeclined" }, { stripeAccount: acct })
      .catch((e) => e);
    expect(declined).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(declined).toMatchObject({ code: "card_declined", statusCode: 402 });
    const action = await stripe.paymentIntents.confirm(
      pi.id,
      { payment_method: "pm_card_authenticationRequired" },
      { stripeAccount: acct },
    );
    expect(action.status).toBe("requires_action");
    expect(action.next_action?.type).toBe("use_stripe_sdk");
    const paid = await stripe.paymentIntents.confirm(pi.id, {}, { stripeAccount: acct });
    expect(paid).toMatchObject({ status: "succeeded", amount_received: 4250 });
    expect(paid.latest_charge).toMatch(/^ch_/);
    const again = await stripe.paymentIntents.confirm(pi.id, {}, { stripeAccount: acct }).catch((e) => e);
    expect(again).toMatchObject({ code: "payment_intent_unexpected_state" });
    expect(standIn.charges.size).toBe(1);
  });

  it("refunds part, then the rest, of a charge, and refuses more than is left (charge_already_refunded once all is back)", async () => {
    const pi = await stripe.paymentIntents.create(
      { ...params, confirm: true, payment_method: "pm_card_visa" },
      { stripeAccount: acct },
    );
    const first = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { stripeAccount: acct });
    expect(first).toMatchObject({ object: "refund", amount: 1000, status: "succeeded", payment_intent: pi.id });
    expect(first.id).toMatch(/^re_/);
    const tooMuch = await stripe.refunds
      .create({ payment_intent: pi.id, amount: 4000 }, { stripeAccount: acct })
      .catch((e) => e);
    expect(tooMuch).toMatchObject({ code: "amount_too_large", statusCode: 400 });
    const rest = await stripe.refunds.create({ payment_intent: pi.id }, { stripeAccount: acct });
    expect(rest.amount).toBe(3250);
    expect(standIn.charges.get(String(pi.latest_charge))).toMatchObject({ amount_refunded: 4250, refunded: true });
    const over = await stripe.refunds
      .create({ payment_intent: pi.id, amount: 1 }, { stripeAccount: acct })
      .catch((e) => e);
    // as on Stripe: a fully refunded charge answers charge_already_refunded
    expect(over).toMatchObject({ code: "charge_already_refunded", statusCode: 400 });
  });

  it("creates a Connect account, an onboarding link and a SetupIntent", async () => {
    const account = await stripe.accounts.create({ type: "express", metadata: { clinic_id: "c-1" } });
    expect(account).toMatchObject({ object: "account", charges_enabled: false, payouts_enabled: false });
    expect(account.id).toMatch(/^acct_/);
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://localhost/refresh",
      return_url: "http://localhost/return",
    });
    expect(link.object).toBe("account_link");
    expect(link.url).toMatch(/^https:\/\//);
    standIn.completeOnboarding(account.id);
    expect((await stripe.accounts.retrieve(account.id)).charges_enabled).toBe(true);
    const seti = await stripe.setupIntents.create({ usage: "off_session" }, { stripeAccount: account.id });
    expect(seti).toMatchObject({ object: "setup_intent", status: "requires_payment_method" });
    expect(seti.id).toMatch(/^seti_/);
  });

  it("builds events the SDK verifies when signed with its test-header helper, and rejects a tampered body", () => {
    const secret = "whsec_stand_in_test";
    const payload = JSON.stringify(stripeEvent("payment_intent.succeeded", { id: "pi_x", object: "payment_intent" }));
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(stripe.webhooks.constructEvent(payload, header, secret).type).toBe("payment_intent.succeeded");
    expect(() => stripe.webhooks.constructEvent(payload.replace("pi_x", "pi_y"), header, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });
});
