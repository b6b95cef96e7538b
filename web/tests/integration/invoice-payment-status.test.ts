// What the client is told after Stripe's redirect (getMyPaymentStatus), through the real routes, the real
// webhook route and the Stripe stand-in: never confirmed, declined (before and after the failure event
// arrives), a retry on the same PaymentIntent while its success event is still on the way, then succeeded.
// The retry case is the one that once showed "failed" after a good card had paid: a recorded failure is not
// final, because a declined PaymentIntent stays open for another card.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as payPost } from "@/app/api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/route";
import { POST as confirmPost } from "@/app/api/clinics/[clinic]/my-invoices/[invoiceId]/payment-intent/stand-in-confirm/route";
import { POST as webhookPost } from "@/app/api/webhooks/stripe/route";
import { getMyPaymentStatus } from "@/lib/billing/get-my-payment-status";
import { closePool } from "@/lib/db/pool";
import { appUrl } from "../helpers/auth-http";
import { createTaxRate, issuedAs, line } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClient, createClinic, testPool, type TestClinic } from "../helpers/factories";
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
let admin: Awaited<ReturnType<typeof signedIn>>;
let client: Awaited<ReturnType<typeof signedIn>>;
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
  sdk = new Stripe("sk_test_payment_status", { host: url.hostname, port: url.port, protocol: "http" });
});
beforeEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
  await closePool();
  await closeTestPool();
});

async function deliver(type: string, pi: Json) {
  const payload = JSON.stringify(stripeEvent(type, pi, { account }));
  const signature = sdk.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
  const res = await webhookPost(
    new Request(`${appUrl()}/api/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    }),
  );
  expect(res.status).toBe(200);
}

async function pressPay(invoiceId: string): Promise<string> {
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
  expect(res.status).toBe(200);
  return (res.body as { paymentIntentId: string }).paymentIntentId;
}

function confirmWith(invoiceId: string, body: Json) {
  return call(
    confirmPost,
    clinic.slug,
    "POST",
    `/my-invoices/${invoiceId}/payment-intent/stand-in-confirm`,
    client.cookie,
    body,
    { invoiceId },
  );
}

const statusOf = (invoiceId: string, pi: string) => getMyPaymentStatus(client, clientId, invoiceId, pi);

describe("the payment status after Stripe's redirect", () => {
  it("says failed (try again) for a PaymentIntent that was never confirmed, not processing for ever", async () => {
    const inv = await issuedAs(admin, clinic.id, clientId, [line(rate, 1500)]);
    const pi = await pressPay(inv.id);
    expect(await statusOf(inv.id, pi)).toBe("failed");
  });

  it("takes a declined card, then the good card on the same PaymentIntent: failed, processing, succeeded", async () => {
    const inv = await issuedAs(admin, clinic.id, clientId, [line(rate, 2400)]);
    const pi = await pressPay(inv.id);
    const declined = await confirmWith(inv.id, { paymentIntentId: pi, card: "declined" });
    expect(declined).toMatchObject({ status: 200, body: { declined: true } });
    expect(standIn.paymentIntents.get(pi)).toMatchObject({ status: "requires_payment_method" });
    // before the failure event arrives, Stripe's own answer; after it, the record
    expect(await statusOf(inv.id, pi)).toBe("failed");
    await deliver("payment_intent.payment_failed", standIn.paymentIntents.get(pi)!);
    expect(await statusOf(inv.id, pi)).toBe("failed");

    // Try again: the same PaymentIntent comes back, and the good card goes through at Stripe
    expect(await pressPay(inv.id)).toBe(pi);
    expect(await confirmWith(inv.id, { paymentIntentId: pi })).toMatchObject({
      status: 200,
      body: { declined: false },
    });
    // the success event is still on its way: the recorded failure must not be what the client reads
    expect(await statusOf(inv.id, pi)).toBe("processing");
    await deliver("payment_intent.succeeded", standIn.paymentIntents.get(pi)!);
    expect(await statusOf(inv.id, pi)).toBe("succeeded");
    const { rows } = await testPool().query("select status::text from public.invoices where id = $1", [inv.id]);
    expect(rows).toEqual([{ status: "paid" }]);
  });

  it("answers a bad card name or payment id with 422 naming the field", async () => {
    const inv = await issuedAs(admin, clinic.id, clientId, [line(rate, 900)]);
    const pi = await pressPay(inv.id);
    for (const [body, field] of [
      [{ paymentIntentId: pi, card: "amex" }, "card"],
      [{ paymentIntentId: "ch_123" }, "paymentIntentId"],
    ] as const) {
      const res = await confirmWith(inv.id, body);
      expect(res.status).toBe(422);
      expect((res.body.error as { fields: Record<string, unknown> }).fields).toHaveProperty(field);
    }
  });
});
