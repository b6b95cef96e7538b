import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { stripeSettingsFrom } from "./client";

const base = { STRIPE_TIMEOUT_MS: 20_000, STRIPE_MAX_NETWORK_RETRIES: 2, STRIPE_PLATFORM_FEE_BPS: 0 } as Env;
const keys = {
  STRIPE_SECRET_KEY: "sk_test_1",
  STRIPE_WEBHOOK_SECRET: "whsec_1",
  STRIPE_PUBLISHABLE_KEY: "pk_test_1",
};

describe("stripeSettingsFrom", () => {
  it("is off (null) with no Stripe key at all", () => {
    expect(stripeSettingsFrom(base)).toBeNull();
  });

  it("is on with all three keys, with the platform fee defaulting to 0", () => {
    expect(stripeSettingsFrom({ ...base, ...keys })).toMatchObject({
      secretKey: "sk_test_1",
      webhookSecret: "whsec_1",
      publishableKey: "pk_test_1",
      platformFeeBps: 0,
    });
  });

  it("refuses a partial configuration, naming what is missing", () => {
    expect(() => stripeSettingsFrom({ ...base, STRIPE_SECRET_KEY: "sk_test_1" })).toThrow(
      /STRIPE_WEBHOOK_SECRET, STRIPE_PUBLISHABLE_KEY/,
    );
  });
});
