// POST /api/webhooks/stripe over HTTP (the route handler, as Next calls it) with events signed by the real SDK's
// test-header helper, against the real Postgres and the Stripe stand-in. Proves: no effect without a valid
// signature or JSON; each event applied once (duplicates, concurrent duplicates); any arrival order ends in
// the right state (refund before success, success twice, failure after success, older account updates);
// a failure while applying answers 5xx and records nothing, so Stripe's retry applies it.
//
// Guards, each checked by hand on 2026-11-30 by weakening the SQL of migration 520: without the
// `v_row.status <> 'succeeded'` test in private.record_payment_intent_status, "a success delivered twice under
// two event ids" applied the payment twice and "failure after success" ended failed; with refunds passed on
// while the payment was not yet succeeded, "a refund before the success" handed the refund on first.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { createPaymentIntent } from "@/lib/stripe/create-payment-intent";
import { attemptLedgerSink, setPaymentSink } from "@/lib/stripe/payment-sinks";
import { appUrl } from "../helpers/auth-http";
import { fromNow } from "../helpers/dates";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createUser,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import {
  configureStripeForStandIn,
  startStripeStandIn,
  stripeEvent,
  stripeId,
  TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from "../helpers/stripe-stand-in";

let standIn: StripeStandIn;
let clinic: TestClinic;
let admin: TestUser;
let vet: TestUser;
let account: string;
let sdk: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  configureStripeForStandIn(standIn);
  clinic = await createClinic();
  admin = await addStaff(clinic.id, "admin");
  vet = await addStaff(clinic.id, "vet");
  account = stripeId("acct", 16);
  await testPool().query(
    "insert into public.clinic_payment_accounts (clinic_id, stripe_account_id, charges_enabled) values ($1, $2, true)",
    [clinic.id, account],
  );
  const url = new URL(standIn.url);
  sdk = new Stripe("sk_test_webhook_tests", { host: url.hostname, port: url.port, protocol: "http" });
});
beforeEach(() => setPaymentSink("order", attemptLedgerSink));
afterAll(async () => {
  await standIn.close();
  await closePool();
  await closeTestPool();
});

const nowSeconds = () => Math.floor(fromNow(0).getTime() / 1000);

async function deliver(event: unknown, opts: { secret?: string; signature?: string | null } = {}) {
  const payload = typeof event === "string" ? event : JSON.stringify(event);
  const signature =
    opts.signature === undefined
      ? sdk.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? TEST_WEBHOOK_SECRET })
      : opts.signature;
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("stripe-signature", signature);
  const res = await POST(new Request(`${appUrl()}/api/webhooks/stripe`, { method: "POST", headers, body: payload }));
  return { status: res.status, body: (await res.json()) as { outcome?: string; error?: { code: string } } };
}

/** An order's PaymentIntent created by the app, then paid through the stand-in. */
async function paidOrder(amountCents = 4250) {
  const out = await createPaymentIntent({
    target: { kind: "order", id: randomUUID() },
    clinicId: clinic.id,
    amountCents,
    currency: "EUR",
  });
  await sdk.paymentIntents.confirm(out.paymentIntentId, { payment_method: "pm_card_visa" }, { stripeAccount: account });
  const pi = standIn.paymentIntents.get(out.paymentIntentId)!;
  const charge = standIn.charges.get(String(pi.latest_charge))!;
  return { attemptId: out.attemptId, pi, charge };
}

const succeeded = (pi: Record<string, unknown>, created = nowSeconds()) =>
  stripeEvent("payment_intent.succeeded", pi, { account, created });
const failed = (pi: Record<string, unknown>, created = nowSeconds()) =>
  stripeEvent(
    "payment_intent.payment_failed",
    { ...pi, status: "requires_payment_method", last_payment_error: { code: "card_declined" } },
    { account, created },
  );
const refunded = (charge: Record<string, unknown>, amountRefunded: number, created = nowSeconds()) =>
  stripeEvent("charge.refunded", { ...charge, amount_refunded: amountRefunded }, { account, created });

async function attempt(id: string) {
  const { rows } = await testPool().query<{
    status: string;
    applied_cents: string;
    refunded_cents: string;
    refund_applied_cents: string;
    latest_charge_id: string | null;
    last_error_code: string | null;
    disputed_at: Date | null;
  }>(
    `select status, applied_cents, refunded_cents, refund_applied_cents, latest_charge_id, last_error_code, disputed_at
       from public.payment_attempts where id = $1`,
    [id],
  );
  const r = rows[0]!;
  return {
    status: r.status,
    applied: Number(r.applied_cents),
    refunded: Number(r.refunded_cents),
    refundApplied: Number(r.refund_applied_cents),
    charge: r.latest_charge_id,
    error: r.last_error_code,
    disputed: r.disputed_at !== null,
  };
}

const eventRecorded = async (id: string) =>
  (await testPool().query("select 1 from private.stripe_events where id = $1", [id])).rowCount === 1;

describe("POST /api/webhooks/stripe: verification", () => {
  it("answers 400 with no effect to a wrong secret, a missing signature, a tampered body and validly signed non-JSON", async () => {
    const { attemptId, pi } = await paidOrder();
    const event = succeeded(pi);
    const payload = JSON.stringify(event);
    const header = sdk.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const cases = [
      await deliver(event, { secret: "whsec_someone_else" }),
      await deliver(event, { signature: null }),
      await deliver(payload.replace('"amount":4250', '"amount":1'), { signature: header }),
      await deliver('{"id": "evt_1", "type": '),
    ];
    for (const res of cases) {
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe("BAD_REQUEST");
    }
    expect(await eventRecorded(String(event.id))).toBe(false);
    expect(await attempt(attemptId)).toMatchObject({ status: "requires_payment_method", applied: 0 });
  });

  it("acknowledges an event type it does not handle with 2xx and records nothing", async () => {
    const event = stripeEvent("customer.created", { id: "cus_1", object: "customer" });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true, outcome: "ignored" } });
    expect(await eventRecorded(String(event.id))).toBe(false);
  });
});

describe("POST /api/webhooks/stripe: exactly once, in any order", () => {
  it("applies a success once however often the same event is delivered, also concurrently", async () => {
    const { attemptId, pi, charge } = await paidOrder();
    const event = succeeded(pi);
    const results = await Promise.all(Array.from({ length: 8 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(results.map((r) => r.body.outcome).sort()).toEqual(["applied", ...Array(7).fill("duplicate")]);
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250, charge: charge.id });
    expect(await eventRecorded(String(event.id))).toBe(true);
  });

  it("applies a success delivered twice under two event ids once", async () => {
    const { attemptId, pi } = await paidOrder();
    await deliver(succeeded(pi));
    expect((await deliver(succeeded(pi))).body.outcome).toBe("applied");
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250 });
  });

  it("keeps a success when a failure arrives after it, even a failure created later", async () => {
    const { attemptId, pi } = await paidOrder();
    const t = nowSeconds();
    await deliver(succeeded(pi, t));
    await deliver(failed(pi, t + 5));
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250, error: null });
  });

  it("lets a success follow a failure (the payer retried with another card)", async () => {
    const { attemptId, pi } = await paidOrder();
    const t = nowSeconds();
    await deliver(failed(pi, t));
    expect(await attempt(attemptId)).toMatchObject({ status: "failed", error: "card_declined", applied: 0 });
    await deliver(succeeded(pi, t + 1));
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250 });
  });

  it("holds a refund that arrives before the success, then passes on the payment and the refund once", async () => {
    const { attemptId, pi, charge } = await paidOrder();
    await deliver(refunded(charge, 1000));
    expect(await attempt(attemptId)).toMatchObject({
      status: "requires_payment_method",
      refunded: 1000,
      refundApplied: 0,
    });
    await deliver(succeeded(pi));
    await deliver(refunded(charge, 1000));
    expect(await attempt(attemptId)).toMatchObject({
      status: "succeeded",
      applied: 4250,
      refunded: 1000,
      refundApplied: 1000,
    });
  });

  it("ends at the largest cumulative refund when partial refunds arrive out of order", async () => {
    const { attemptId, pi, charge } = await paidOrder();
    await deliver(succeeded(pi));
    await deliver(refunded(charge, 3000));
    await deliver(refunded(charge, 1000));
    expect(await attempt(attemptId)).toMatchObject({ refunded: 3000, refundApplied: 3000 });
    await deliver(refunded(charge, 4250));
    expect(await attempt(attemptId)).toMatchObject({ refunded: 4250, refundApplied: 4250 });
  });

  it("matches a success that arrives before the PaymentIntent id was stored, by the attempt id in its metadata", async () => {
    const { attemptId, pi } = await paidOrder();
    await testPool().query("update public.payment_attempts set payment_intent_id = null where id = $1", [attemptId]);
    await deliver(succeeded(pi));
    const { rows } = await testPool().query("select payment_intent_id from public.payment_attempts where id = $1", [
      attemptId,
    ]);
    expect(rows[0]?.payment_intent_id).toBe(pi.id);
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250 });
  });

  it("answers 500 when applying fails, records nothing, and applies the event when Stripe retries", async () => {
    const { attemptId, pi } = await paidOrder();
    setPaymentSink("order", {
      ...attemptLedgerSink,
      applyOnlinePayment: () => Promise.reject(new Error("billing is down")),
    });
    const event = succeeded(pi);
    const res = await deliver(event);
    expect(res.status).toBe(500);
    expect(res.body.error?.code).toBe("INTERNAL");
    expect(await eventRecorded(String(event.id))).toBe(false);
    expect(await attempt(attemptId)).toMatchObject({ status: "requires_payment_method", applied: 0 });
    setPaymentSink("order", attemptLedgerSink);
    expect((await deliver(event)).body.outcome).toBe("applied");
    expect(await attempt(attemptId)).toMatchObject({ status: "succeeded", applied: 4250 });
  });

  it("acknowledges events about PaymentIntents Vete did not create without changing anything", async () => {
    const res = await deliver(succeeded({ id: stripeId("pi"), object: "payment_intent", amount_received: 100 }));
    expect(res).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
  });
});

describe("POST /api/webhooks/stripe: disputes, accounts, saved cards", () => {
  it("emails the owners and admins (not the vet) once per dispute through the outbox, and marks the attempt", async () => {
    const { attemptId, pi, charge } = await paidOrder();
    await deliver(succeeded(pi));
    const dispute = {
      id: stripeId("dp"),
      object: "dispute",
      amount: 4250,
      currency: "eur",
      reason: "fraudulent",
      status: "needs_response",
      charge: charge.id,
      payment_intent: pi.id,
    };
    await deliver(stripeEvent("charge.dispute.created", dispute, { account }));
    await deliver(stripeEvent("charge.dispute.created", dispute, { account }));
    expect((await attempt(attemptId)).disputed).toBe(true);
    const { rows } = await testPool().query<{ user_id: string; template: string }>(
      "select user_id, template from public.outbox_messages where dedupe_key like $1",
      [`stripe_dispute:${dispute.id}:%`],
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual([clinic.owner.userId, admin.userId].sort());
    expect(rows.every((r) => r.template === "payment.dispute_opened")).toBe(true);
  });

  it("copies charges_enabled and payouts_enabled from account.updated, and an older event does not undo a newer one", async () => {
    const other = await createClinic();
    const acct = stripeId("acct", 16);
    await testPool().query(
      "insert into public.clinic_payment_accounts (clinic_id, stripe_account_id) values ($1, $2)",
      [other.id, acct],
    );
    const t = nowSeconds();
    const obj = (on: boolean) => ({
      id: acct,
      object: "account",
      charges_enabled: on,
      payouts_enabled: on,
      details_submitted: on,
    });
    await deliver(stripeEvent("account.updated", obj(true), { account: acct, created: t + 10 }));
    await deliver(stripeEvent("account.updated", obj(false), { account: acct, created: t }));
    const { rows } = await testPool().query(
      "select charges_enabled, payouts_enabled, details_submitted from public.clinic_payment_accounts where clinic_id = $1",
      [other.id],
    );
    expect(rows[0]).toEqual({ charges_enabled: true, payouts_enabled: true, details_submitted: true });
  });

  it("saves the card of a setup_intent.succeeded for the account's clinic's client, and ignores another clinic's client", async () => {
    const client = await createClient(clinic.id);
    const stranger = await createClient((await createClinic()).id);
    const seti = (clientId: string) => ({
      id: stripeId("seti"),
      object: "setup_intent",
      status: "succeeded",
      payment_method: "pm_1Card",
      customer: "cus_1",
      metadata: { clinic_id: clinic.id, client_id: clientId },
    });
    const mine = seti(client.id);
    await deliver(stripeEvent("setup_intent.succeeded", mine, { account }));
    await deliver(stripeEvent("setup_intent.succeeded", seti(stranger.id), { account }));
    const { rows } = await testPool().query(
      "select client_id, setup_intent_id from public.saved_payment_methods where clinic_id = $1",
      [clinic.id],
    );
    expect(rows).toEqual([{ client_id: client.id, setup_intent_id: mine.id }]);
  });
});

describe("payment tables: tenancy", () => {
  it("lets the clinic's staff read its payment attempts and account, and no other clinic's staff or a client", async () => {
    const { attemptId } = await paidOrder();
    const outsider = (await createClinic()).owner;
    const clientUser = await createUser();
    await createClient(clinic.id, { user: clientUser });
    const read = (u: TestUser) =>
      withUser(u, async (db) => ({
        attempts: (await db.query("select id from public.payment_attempts where id = $1", [attemptId])).rowCount,
        accounts: (await db.query("select 1 from public.clinic_payment_accounts where clinic_id = $1", [clinic.id]))
          .rowCount,
      }));
    expect(await read(vet)).toEqual({ attempts: 1, accounts: 1 });
    expect(await read(outsider)).toEqual({ attempts: 0, accounts: 0 });
    expect(await read(clientUser)).toEqual({ attempts: 0, accounts: 0 });
    const secret = await withUser(vet, (db) => db.query("select client_secret from public.payment_attempts")).catch(
      (e: { code?: string }) => e.code,
    );
    expect(secret).toBe("FORBIDDEN");
    const events = await withUser(vet, (db) => db.query("select id from private.stripe_events")).catch(
      (e: { code?: string }) => e.code,
    );
    expect(events).toBe("FORBIDDEN");
    const write = await withUser(clinic.owner, (db) =>
      db.query("update public.payment_attempts set status = 'succeeded' where id = $1", [attemptId]),
    ).catch((e: { code?: string }) => e.code);
    expect(write).toBe("FORBIDDEN");
  });
});
