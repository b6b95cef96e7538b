// Paying an invoice online, end to end below the browser: the client's route creates the PaymentIntent from
// the balance in the database, the Stripe stand-in takes the card, and the real webhook route applies the
// signed events (the SDK's generateTestHeaderString) to the invoice through billing's SQL. Proves: one payment
// row per PaymentIntent however often or in whatever order events arrive; refunds made in Stripe reach the
// invoice with a credit note once, also when staff refunded through Vete first or the event came first; a
// payment that no longer fits the balance (a second tab, a stale tab) is refunded through Stripe and never
// lost; staff refunds of online payments go through Stripe, cash refunds do not.
//
// Guard checked by hand on 2026-11-30: with the balance check of private.apply_payment and the constraint
// invoices_paid_within_total dropped in the test database, "two PaymentIntents for the whole balance
// delivered at once" applied both and refunded none.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as payPost } from "@/app/api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/route";
import { POST as confirmPost } from "@/app/api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/stand-in-confirm/route";
import { POST as refundPost } from "@/app/api/clinics/[clinic]/payments/[paymentId]/refunds/route";
import { POST as webhookPost } from "@/app/api/webhooks/stripe/route";
import type { Invoice } from "@/lib/billing/invoice-record";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { getMyPaymentStatus } from "@/lib/billing/get-my-payment-status";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { appUrl } from "../helpers/auth-http";
import { createTaxRate, issuedAs, line } from "../helpers/billing-factories";
import { fromNow } from "../helpers/dates";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { errorOf } from "../helpers/rejections";
import { call, signedIn } from "../helpers/route-calls";
import {
  configureStripeForStandIn,
  startStripeStandIn,
  stripeEvent,
  stripeId,
  TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from "../helpers/stripe-stand-in";

type Json = Record<string, unknown>;

let standIn: StripeStandIn;
let clinic: TestClinic;
let admin: TestUser & { cookie: string };
let client: TestUser & { cookie: string };
let clientId: string;
let rate: string;
let account: string;
let sdk: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  configureStripeForStandIn(standIn);
  clinic = await createClinic();
  admin = await signedIn();
  await addStaff(clinic.id, "admin", admin);
  client = await signedIn();
  clientId = (await createClient(clinic.id, { user: client })).id;
  rate = await createTaxRate(clinic.id, 0);
  account = stripeId("acct", 16);
  await testPool().query(
    "insert into public.clinic_payment_accounts (clinic_id, stripe_account_id, charges_enabled) values ($1, $2, true)",
    [clinic.id, account],
  );
  const url = new URL(standIn.url);
  sdk = new Stripe("sk_test_invoice_payments", { host: url.hostname, port: url.port, protocol: "http" });
});
beforeEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
  await closePool();
  await closeTestPool();
});

const nowSeconds = () => Math.floor(fromNow(0).getTime() / 1000);

async function deliver(event: Json) {
  const payload = JSON.stringify(event);
  const signature = sdk.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
  const res = await webhookPost(
    new Request(`${appUrl()}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    }),
  );
  return { status: res.status, body: (await res.json()) as { outcome?: string } };
}

const succeeded = (pi: Json, created = nowSeconds()) =>
  stripeEvent("payment_intent.succeeded", pi, { account, created });
const refundedEvent = (charge: Json, created = nowSeconds()) =>
  stripeEvent("charge.refunded", charge, { account, created });

const invoiceOf = (amountMinor: number): Promise<Invoice> =>
  issuedAs(admin, clinic.id, clientId, [line(rate, amountMinor)]);

/** The client presses Pay now (the route), as a tab of the browser would. */
async function pressPay(invoiceId: string) {
  const res = await call(
    payPost,
    clinic.slug,
    "POST",
    `/my-invoices/${invoiceId}/payment-intent`,
    client.cookie,
    {},
    {
      invoiceId,
    },
  );
  return res as { status: number; body: { paymentIntentId: string; amountMinor: number; error?: { code: string } } };
}

/** The card goes through at the stand-in; returns Stripe's PaymentIntent and charge. */
async function payAtStripe(paymentIntentId: string) {
  await sdk.paymentIntents.confirm(paymentIntentId, { payment_method: "pm_card_visa" }, { stripeAccount: account });
  const pi = standIn.paymentIntents.get(paymentIntentId)!;
  return { pi, charge: standIn.charges.get(String(pi.latest_charge))! };
}

async function invoiceState(id: string) {
  const { rows } = await testPool().query<{ status: string; paid: string; refunded: string; credited: string }>(
    "select status, paid_minor as paid, refunded_minor as refunded, credited_minor as credited from public.invoices where id = $1",
    [id],
  );
  const r = rows[0]!;
  return { status: r.status, paid: Number(r.paid), refunded: Number(r.refunded), credited: Number(r.credited) };
}

async function paymentsOf(id: string) {
  const { rows } = await testPool().query<{ id: string; method: string; amount: string; provider_ref: string }>(
    "select id, method, amount_minor as amount, provider_ref from public.payments where invoice_id = $1 order by received_at",
    [id],
  );
  return rows.map((r) => ({ id: r.id, method: r.method, amount: Number(r.amount), ref: r.provider_ref }));
}

async function refundsOf(id: string) {
  const { rows } = await testPool().query<{ amount: string; provider: string; provider_ref: string | null }>(
    `select r.amount_minor as amount, r.provider, r.provider_ref from public.refunds r
       join public.credit_notes n on n.id = r.credit_note_id where r.invoice_id = $1 order by r.refunded_at`,
    [id],
  );
  return rows.map((r) => ({ amount: Number(r.amount), provider: r.provider, ref: r.provider_ref }));
}

async function attemptOf(paymentIntentId: string) {
  const { rows } = await testPool().query<{
    refused_cents: string;
    refused_reason: string | null;
    refused_refund_id: string | null;
  }>(
    "select refused_cents, refused_reason, refused_refund_id from public.payment_attempts where payment_intent_id = $1",
    [paymentIntentId],
  );
  const r = rows[0]!;
  return { refused: Number(r.refused_cents), reason: r.refused_reason, refundId: r.refused_refund_id };
}

const refundsAtStripe = (paymentIntentId: string) =>
  [...standIn.refunds.values()].filter((r) => r.payment_intent === paymentIntentId);

describe("a client pays an invoice online (webhook route, stand-in for Stripe)", () => {
  it("creates the PaymentIntent for the balance, and a succeeded event applies one card_online payment and marks the invoice paid", async () => {
    const inv = await invoiceOf(4250);
    const pressed = await pressPay(inv.id);
    expect(pressed.status).toBe(200);
    expect(pressed.body.amountMinor).toBe(4250);
    expect(standIn.paymentIntents.get(pressed.body.paymentIntentId)).toMatchObject({
      amount: 4250,
      metadata: { clinic_id: clinic.id, invoice_id: inv.id },
    });
    const { pi } = await payAtStripe(pressed.body.paymentIntentId);
    expect(await deliver(succeeded(pi))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await paymentsOf(inv.id)).toEqual([
      { id: expect.any(String), method: "card_online", amount: 4250, ref: pi.id },
    ]);
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 4250 });
    expect(await getMyPaymentStatus(client, clientId, inv.id, String(pi.id))).toBe("succeeded");
    // nothing left to pay: a further press is refused
    expect((await pressPay(inv.id)).status).toBe(409);
  });

  it("records one payment row for duplicate deliveries (also concurrent) and for a replay under a new event id", async () => {
    const inv = await invoiceOf(3000);
    const { pi } = await payAtStripe((await pressPay(inv.id)).body.paymentIntentId);
    const event = succeeded(pi);
    const results = await Promise.all(Array.from({ length: 6 }, () => deliver(event)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await deliver(succeeded(pi))).toMatchObject({ status: 200, body: { outcome: "applied" } });
    expect(await paymentsOf(inv.id)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 3000 });
    expect(refundsAtStripe(String(pi.id))).toHaveLength(0);
  });

  it("keeps the invoice paid when a failure event arrives after the success", async () => {
    const inv = await invoiceOf(2000);
    const { pi } = await payAtStripe((await pressPay(inv.id)).body.paymentIntentId);
    const t = nowSeconds();
    await deliver(succeeded(pi, t));
    await deliver(
      stripeEvent(
        "payment_intent.payment_failed",
        { ...pi, status: "requires_payment_method", last_payment_error: { code: "card_declined" } },
        { account, created: t + 5 },
      ),
    );
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 2000 });
    expect(await paymentsOf(inv.id)).toHaveLength(1);
  });

  it("applies a refund that arrives before the success right after the payment, with one credit note", async () => {
    const inv = await invoiceOf(5000);
    const { pi } = await payAtStripe((await pressPay(inv.id)).body.paymentIntentId);
    await sdk.refunds.create({ payment_intent: String(pi.id), amount: 1500 }, { stripeAccount: account });
    const charge = standIn.charges.get(String(pi.latest_charge))!;
    const t = nowSeconds();
    await deliver(refundedEvent(charge, t));
    expect(await refundsOf(inv.id)).toEqual([]);
    await deliver(succeeded(pi, t - 1));
    expect(await refundsOf(inv.id)).toEqual([
      { amount: 1500, provider: "stripe", ref: `${String(pi.id)}:refunded:1500` },
    ]);
    await deliver(refundedEvent(charge, t + 1));
    expect(await refundsOf(inv.id)).toHaveLength(1);
    // a refund does not change what is owed: paid 5000, refunded 1500, credited 1500
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 5000, refunded: 1500, credited: 1500 });
  });

  it("gives two tabs pressing Pay one PaymentIntent and one charge, and the invoice one payment", async () => {
    const inv = await invoiceOf(3300);
    const [a, b] = await Promise.all([pressPay(inv.id), pressPay(inv.id)]);
    expect(a.body.paymentIntentId).toBe(b.body.paymentIntentId);
    const id = a.body.paymentIntentId;
    const tabs = await Promise.allSettled([
      sdk.paymentIntents.confirm(id, { payment_method: "pm_card_visa" }, { stripeAccount: account }),
      sdk.paymentIntents.confirm(id, { payment_method: "pm_card_visa" }, { stripeAccount: account }),
    ]);
    expect(tabs.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(standIn.charges.size).toBe(1);
    await deliver(succeeded(standIn.paymentIntents.get(id)!));
    expect(await paymentsOf(inv.id)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 3300 });
  });

  it("refunds through Stripe a stale tab's payment of an old amount, once, and applies the current one", async () => {
    const inv = await invoiceOf(5000);
    const stale = (await pressPay(inv.id)).body.paymentIntentId;
    await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 2000, idempotencyKey: `desk-${inv.id}` }),
    );
    // the second tab opens attempt 2 for 3000; cancelling the stale PaymentIntent at Stripe fails
    standIn.addFault({ kind: "error500", path: /\/cancel$/, times: 5 });
    const current = await pressPay(inv.id);
    expect(current.body).toMatchObject({ amountMinor: 3000 });
    const old = await payAtStripe(stale);
    const now = await payAtStripe(current.body.paymentIntentId);

    expect(await deliver(succeeded(old.pi))).toMatchObject({ status: 200 });
    expect(await attemptOf(stale)).toMatchObject({ refused: 5000, reason: "payment_exceeds_balance" });
    const sent = refundsAtStripe(stale);
    expect(sent).toHaveLength(1);
    expect(standIn.requests.find((r) => r.path === "/v1/refunds")?.idempotencyKey).toBe(
      `refused-payment:${stale}:refund`,
    );
    expect((await attemptOf(stale)).refundId).toBe(sent[0]!.id);

    await deliver(succeeded(now.pi));
    await deliver(succeeded(old.pi)); // Stripe's retry: no second refund
    await deliver(refundedEvent(standIn.charges.get(String(old.pi.latest_charge))!));
    expect(refundsAtStripe(stale)).toHaveLength(1);
    expect((await paymentsOf(inv.id)).map((p) => [p.method, p.amount])).toEqual([
      ["cash", 2000],
      ["card_online", 3000],
    ]);
    expect(await refundsOf(inv.id)).toEqual([]);
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 5000, refunded: 0 });
  });

  it("applies exactly one of two PaymentIntents for the whole balance delivered at once, and refunds the other", async () => {
    const inv = await invoiceOf(2500);
    const first = (await pressPay(inv.id)).body.paymentIntentId;
    // a second PaymentIntent for the same balance (a stale attempt whose cancel never reached Stripe)
    await testPool().query("update public.payment_attempts set status = 'canceled' where payment_intent_id = $1", [
      first,
    ]);
    standIn.addFault({ kind: "error500", path: /\/cancel$/, times: 5 });
    const second = (await pressPay(inv.id)).body.paymentIntentId;
    expect(second).not.toBe(first);
    const a = await payAtStripe(first);
    const b = await payAtStripe(second);
    const results = await Promise.all([deliver(succeeded(a.pi)), deliver(succeeded(b.pi))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await paymentsOf(inv.id)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toMatchObject({ status: "paid", paid: 2500 });
    const refused = [await attemptOf(first), await attemptOf(second)].filter((x) => x.refused > 0);
    expect(refused).toHaveLength(1);
    expect(standIn.refunds.size).toBe(1);
  });

  it("answers 500 when Stripe fails the automatic refund, and refunds on Stripe's next delivery of the event", async () => {
    const inv = await invoiceOf(1800);
    const pi1 = (await pressPay(inv.id)).body.paymentIntentId;
    const { pi } = await payAtStripe(pi1);
    await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "bank_transfer", amountMinor: 1800, idempotencyKey: `bank-${inv.id}` }),
    );
    standIn.addFault({ kind: "error500", path: /^\/v1\/refunds$/, times: 2 });
    const event = succeeded(pi);
    expect((await deliver(event)).status).toBe(500);
    expect(await attemptOf(pi1)).toMatchObject({ refused: 1800, refundId: null });
    expect(await deliver(event)).toMatchObject({ status: 200, body: { outcome: "duplicate" } });
    expect(refundsAtStripe(pi1)).toHaveLength(1);
    expect((await attemptOf(pi1)).refundId).toBe(refundsAtStripe(pi1)[0]!.id);
    expect(await paymentsOf(inv.id)).toHaveLength(1);
  });
});

describe("refunds of online payments by staff", () => {
  async function paidOnline(amount: number) {
    const inv = await invoiceOf(amount);
    const { pi } = await payAtStripe((await pressPay(inv.id)).body.paymentIntentId);
    await deliver(succeeded(pi));
    const payment = (await paymentsOf(inv.id))[0]!;
    return { inv, pi, payment };
  }
  const refund = (paymentId: string, amountMinor: number, idempotencyKey: string) =>
    call(
      refundPost,
      clinic.slug,
      "POST",
      `/payments/${paymentId}/refunds`,
      admin.cookie,
      { amountMinor, reason: "Customer asked", idempotencyKey },
      { paymentId },
    );

  it("refunds through Stripe with an idempotency key, records it once, and the later charge.refunded does not count it again", async () => {
    const { inv, pi, payment } = await paidOnline(6000);
    const first = await refund(payment.id, 2000, `refund-key-${inv.id}`);
    const again = await refund(payment.id, 2000, `refund-key-${inv.id}`);
    expect(first.status).toBe(201);
    expect((again.body.refund as { id: string }).id).toBe((first.body.refund as { id: string }).id);
    const atStripe = refundsAtStripe(String(pi.id));
    expect(atStripe).toHaveLength(1);
    expect(standIn.requests.find((r) => r.path === "/v1/refunds")?.idempotencyKey).toBe(
      `refund:${payment.id}:refund-key-${inv.id}`,
    );
    expect(await refundsOf(inv.id)).toEqual([{ amount: 2000, provider: "stripe", ref: atStripe[0]!.id }]);
    await deliver(refundedEvent(standIn.charges.get(String(pi.latest_charge))!));
    expect(await refundsOf(inv.id)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toMatchObject({ refunded: 2000, credited: 2000, status: "paid" });
  });

  it("does not count a refund twice when its charge.refunded webhook arrives before Stripe's answer is recorded", async () => {
    const { inv, pi, payment } = await paidOnline(4000);
    // the refund exists at Stripe and its event is applied first; then the staff request (a retry) records
    await sdk.refunds.create(
      { payment_intent: String(pi.id), amount: 1000, metadata: { payment_id: payment.id } },
      { stripeAccount: account, idempotencyKey: `refund:${payment.id}:early-${inv.id}` },
    );
    await deliver(refundedEvent(standIn.charges.get(String(pi.latest_charge))!));
    const res = await refund(payment.id, 1000, `early-${inv.id}`);
    expect(res.status).toBe(201);
    expect(await refundsOf(inv.id)).toHaveLength(1);
    expect(await invoiceState(inv.id)).toMatchObject({ refunded: 1000 });
  });

  it("records a cash refund without calling Stripe, and refuses more than is left of an online payment", async () => {
    const inv = await invoiceOf(1000);
    await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 1000, idempotencyKey: `cash-${inv.id}` }),
    );
    const cash = (await paymentsOf(inv.id))[0]!;
    expect((await refund(cash.id, 400, `cash-refund-${inv.id}`)).status).toBe(201);
    expect(standIn.requests).toHaveLength(0);
    expect(await refundsOf(inv.id)).toEqual([{ amount: 400, provider: "clinic", ref: null }]);

    const online = await paidOnline(1500);
    const tooMuch = await refund(online.payment.id, 9999, `too-much-${online.inv.id}`);
    expect(tooMuch.status).toBe(409);
    expect(refundsAtStripe(String(online.pi.id))).toHaveLength(0);
    // the desk path (recording only) refuses an online payment in SQL, whoever calls it
    const desk = await errorOf(
      withUser(admin, (db) =>
        refundPayment(db, online.payment.id, {
          amountMinor: 500,
          reason: "Handed back",
          idempotencyKey: `desk-refund-${online.inv.id}`,
        }),
      ),
    );
    expect(desk.code).toBe("REFUND_THROUGH_PROVIDER");
    expect(await refundsOf(online.inv.id)).toEqual([]);
  });

  it("splits each online refund's credit note across the invoice's rates, and a full refund nets every rate to zero", async () => {
    // 21%, 10% and 0% lines (the clinic's prices exclude tax): tax per rate on the refund notes (migration 570)
    const [r21, r10] = [await createTaxRate(clinic.id, 2100), await createTaxRate(clinic.id, 1000)];
    const inv = await issuedAs(admin, clinic.id, clientId, [
      line(r21, 4999),
      line(r10, 1234, { quantity: 3 }),
      line(rate, 1777),
    ]);
    const { pi } = await payAtStripe((await pressPay(inv.id)).body.paymentIntentId);
    await deliver(succeeded(pi));
    const payment = (await paymentsOf(inv.id))[0]!;
    const taxesOf = async () => {
      const { rows } = await testPool().query<{ bp: number; billed: string; credited: string; unbalanced: number }>(
        `select b.basis_points as bp, b.gross_minor as billed,
                coalesce((select sum(x.gross_minor) from public.credit_note_taxes x
                           where x.invoice_id = $1 and x.basis_points = b.basis_points), 0) as credited,
                (select count(*)::int from public.credit_notes n
                  where n.invoice_id = $1 and n.amount_minor <> coalesce((select sum(x.gross_minor)
                    from public.credit_note_taxes x where x.credit_note_id = n.id), 0)) as unbalanced
           from public.invoice_tax_breakdown($1) b order by 1 desc`,
        [inv.id],
      );
      return rows.map((r) => ({
        bp: r.bp,
        billed: Number(r.billed),
        credited: Number(r.credited),
        unbalanced: r.unbalanced,
      }));
    };
    // a refund made in Stripe's dashboard, applied by its charge.refunded event
    await sdk.refunds.create({ payment_intent: String(pi.id), amount: 1001 }, { stripeAccount: account });
    await deliver(refundedEvent(standIn.charges.get(String(pi.latest_charge))!));
    // then staff refund through Vete, in two parts, the second the rest of the payment
    expect((await refund(payment.id, 2345, `tax-1-${inv.id}`)).status).toBe(201);
    const partly = await taxesOf();
    expect(partly.map((r) => r.unbalanced)).toEqual([0, 0, 0]);
    for (const r of partly) expect(r.credited).toBeGreaterThan(0);
    for (const r of partly) expect(r.credited).toBeLessThan(r.billed);
    expect((await refund(payment.id, Number(inv.totalMinor) - 1001 - 2345, `tax-2-${inv.id}`)).status).toBe(201);
    expect(await refundsOf(inv.id)).toHaveLength(3);
    expect(await taxesOf()).toEqual(partly.map((r) => ({ ...r, credited: r.billed })));
  });
});

describe("who may pay what", () => {
  it("answers 404 for another client's invoice and 409 for a paid one; the stand-in confirmation works only for the payer", async () => {
    const stranger = await signedIn();
    await createClient(clinic.id, { user: stranger });
    const inv = await invoiceOf(1200);
    const theirs = await call(
      payPost,
      clinic.slug,
      "POST",
      `/my-invoices/${inv.id}/payment-intent`,
      stranger.cookie,
      {},
      {
        invoiceId: inv.id,
      },
    );
    expect(theirs.status).toBe(404);
    const pressed = await pressPay(inv.id);
    const confirmAs = (cookie: string) =>
      call(
        confirmPost,
        clinic.slug,
        "POST",
        `/my-invoices/${inv.id}/payment-intent/stand-in-confirm`,
        cookie,
        {
          paymentIntentId: pressed.body.paymentIntentId,
        },
        { invoiceId: inv.id },
      );
    expect((await confirmAs(stranger.cookie)).status).toBe(404);
    expect((await confirmAs(client.cookie)).status).toBe(200);
    expect(standIn.paymentIntents.get(pressed.body.paymentIntentId)?.status).toBe("succeeded");
    expect(await getMyPaymentStatus(client, clientId, inv.id, pressed.body.paymentIntentId)).toBe("processing");
  });
});
