// Connect onboarding over HTTP (POST /api/clinics/[clinic]/payments/onboarding, as Next calls it, with real
// sessions) against the Stripe stand-in: owners and admins get an onboarding link and the clinic's account is
// created once; other roles and other clinics' staff are refused before Stripe is called; account.updated
// then lets the clinic take card payments.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as onboarding } from "@/app/api/clinics/[clinic]/payments/onboarding/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { createPaymentIntent } from "@/lib/stripe/create-payment-intent";
import { getPaymentAccount } from "@/lib/stripe/get-payment-account";
import { appUrl } from "../helpers/auth-http";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";
import {
  configureStripeForStandIn,
  startStripeStandIn,
  stripeEvent,
  TEST_WEBHOOK_SECRET,
  type StripeStandIn,
} from "../helpers/stripe-stand-in";

let standIn: StripeStandIn;
let clinic: TestClinic;
let owner: Awaited<ReturnType<typeof signedIn>>;
let admin: Awaited<ReturnType<typeof signedIn>>;
let vet: Awaited<ReturnType<typeof signedIn>>;
let outsider: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  configureStripeForStandIn(standIn);
  [owner, admin, vet, outsider] = await Promise.all([signedIn(), signedIn(), signedIn(), signedIn()]);
  clinic = await createClinic({ owner });
  await addStaff(clinic.id, "admin", admin);
  await addStaff(clinic.id, "vet", vet);
  await createClinic({ owner: outsider });
});
beforeEach(() => standIn.reset());
afterAll(async () => {
  await standIn.close();
  await closePool();
  await closeTestPool();
});

const start = (cookie: string, slug = clinic.slug) => call(onboarding, slug, "POST", "/payments/onboarding", cookie);

async function storedAccount(clinicId: string) {
  const { rows } = await testPool().query<{ stripe_account_id: string; charges_enabled: boolean }>(
    "select stripe_account_id, charges_enabled from public.clinic_payment_accounts where clinic_id = $1",
    [clinicId],
  );
  return rows[0];
}

describe("POST /api/clinics/[clinic]/payments/onboarding (stand-in for Stripe)", () => {
  it("refuses a vet and another clinic's owner with 403 before anything reaches Stripe", async () => {
    for (const who of [vet, outsider]) {
      const res = await start(who.cookie);
      expect(res.status).toBe(403);
    }
    expect(standIn.requests).toHaveLength(0);
    expect(await storedAccount(clinic.id)).toBeUndefined();
  });

  it("gives the owner an onboarding link, creating the clinic's account once; an admin's press reuses it", async () => {
    const first = await start(owner.cookie);
    expect(first.status).toBe(200);
    expect(first.body.url).toMatch(/^https:\/\/connect\.stripe\.com\//);
    const stored = await storedAccount(clinic.id);
    expect(stored?.stripe_account_id).toMatch(/^acct_/);
    expect(standIn.accounts.get(stored!.stripe_account_id)?.metadata).toEqual({ clinic_id: clinic.id });
    const link = standIn.requests.find((r) => r.path === "/v1/account_links");
    expect(link?.params).toMatchObject({
      account: stored!.stripe_account_id,
      type: "account_onboarding",
      return_url: `${appUrl()}/${clinic.slug}/staff/settings?payments=return`,
    });
    const second = await start(admin.cookie);
    expect(second.status).toBe(200);
    expect(standIn.requests.filter((r) => r.path === "/v1/accounts")).toHaveLength(1);
    expect((await storedAccount(clinic.id))?.stripe_account_id).toBe(stored!.stripe_account_id);
  });

  it("creates one account when two admins press at once (one idempotency key per clinic)", async () => {
    const fresh = await createClinic({ owner });
    const [a, b] = await Promise.all([start(owner.cookie, fresh.slug), start(owner.cookie, fresh.slug)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(standIn.accounts.size).toBe(1);
    expect((await storedAccount(fresh.id))?.stripe_account_id).toBe([...standIn.accounts.keys()][0]);
  });

  it("turns card payments on when account.updated reports charges enabled", async () => {
    const fresh = await createClinic({ owner });
    await start(owner.cookie, fresh.slug);
    const acct = (await storedAccount(fresh.id))!.stripe_account_id;
    expect(await withUser(owner, (db) => getPaymentAccount(db, fresh.id))).toEqual({
      state: "pending",
      payoutsEnabled: false,
    });
    const payable = {
      target: { kind: "invoice" as const, id: randomUUID() },
      clinicId: fresh.id,
      amountCents: 900,
      currency: "EUR",
    };
    await expect(createPaymentIntent(payable)).rejects.toMatchObject({ code: "PAYMENTS_NOT_READY" });

    const payload = JSON.stringify(stripeEvent("account.updated", standIn.completeOnboarding(acct), { account: acct }));
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_WEBHOOK_SECRET });
    const res = await webhook(
      new Request(`${appUrl()}/api/webhooks/stripe`, {
        method: "POST",
        headers: { "stripe-signature": signature, "content-type": "application/json" },
        body: payload,
      }),
    );
    expect(res.status).toBe(200);
    expect(await withUser(owner, (db) => getPaymentAccount(db, fresh.id))).toEqual({
      state: "ready",
      payoutsEnabled: true,
    });
    expect((await createPaymentIntent(payable)).stripeAccount).toBe(acct);
  });
});
