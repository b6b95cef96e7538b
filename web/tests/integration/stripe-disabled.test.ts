// Without Stripe keys the app runs without card payments: isStripeEnabled() is false, settings say invoices are
// paid at the clinic, the Stripe routes answer a clean 404, and nothing else is affected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as onboarding } from "@/app/api/clinics/[clinic]/payments/onboarding/route";
import { POST as webhook } from "@/app/api/webhooks/stripe/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { isStripeEnabled } from "@/lib/stripe/client";
import { getPaymentAccount } from "@/lib/stripe/get-payment-account";
import { appUrl } from "../helpers/auth-http";
import { closeTestPool, createClinic, type TestClinic } from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let owner: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  for (const k of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PUBLISHABLE_KEY"]) delete process.env[k];
  owner = await signedIn();
  clinic = await createClinic({ owner });
});
afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("Stripe not configured", () => {
  it("is disabled, and settings show the pay-at-the-clinic state", async () => {
    expect(isStripeEnabled()).toBe(false);
    expect(await withUser(owner, (db) => getPaymentAccount(db, clinic.id))).toEqual({ state: "disabled" });
  });

  it("answers 404 STRIPE_DISABLED to onboarding and to webhook deliveries", async () => {
    const res = await call(onboarding, clinic.slug, "POST", "/payments/onboarding", owner.cookie);
    expect(res).toMatchObject({ status: 404, body: { error: { code: "STRIPE_DISABLED" } } });
    const hook = await webhook(
      new Request(`${appUrl()}/api/webhooks/stripe`, {
        method: "POST",
        headers: { "stripe-signature": "t=1,v1=abc", "content-type": "application/json" },
        body: "{}",
      }),
    );
    expect(hook.status).toBe(404);
  });
});
