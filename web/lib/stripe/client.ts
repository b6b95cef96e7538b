// The one place the Stripe SDK is configured. Stripe is on only when the secret key, the webhook secret and
// the publishable key are all set; with none of them the app runs without card payments (invoices are paid at
// the clinic). Some but not all is a deployment mistake, reported instead of half-working.
import "server-only";
import Stripe from "stripe";
import { env, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  publishableKey: string;
  /** Another API server (the tests' stand-in), e.g. http://127.0.0.1:12111. */
  apiBase?: string;
  timeoutMs: number;
  maxNetworkRetries: number;
  platformFeeBps: number;
}

/** The settings when Stripe is configured, else null. Throws when only part of it is. */
export function stripeSettings(): StripeSettings | null {
  return stripeSettingsFrom(env());
}

/** stripeSettings() for a given environment (pure, for tests). */
export function stripeSettingsFrom(e: Env): StripeSettings | null {
  const keys = {
    STRIPE_SECRET_KEY: e.STRIPE_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: e.STRIPE_WEBHOOK_SECRET,
    STRIPE_PUBLISHABLE_KEY: e.STRIPE_PUBLISHABLE_KEY,
  };
  const missing = Object.entries(keys).filter(([, v]) => !v);
  if (missing.length === 3) return null;
  if (missing.length > 0 || !e.STRIPE_SECRET_KEY || !e.STRIPE_WEBHOOK_SECRET || !e.STRIPE_PUBLISHABLE_KEY) {
    const names = missing.map(([k]) => k).join(", ");
    throw new Error(`Invalid environment:\n  ${names}: set every Stripe key, or none to run without card payments`);
  }
  return {
    secretKey: e.STRIPE_SECRET_KEY,
    webhookSecret: e.STRIPE_WEBHOOK_SECRET,
    publishableKey: e.STRIPE_PUBLISHABLE_KEY,
    apiBase: e.STRIPE_API_BASE,
    timeoutMs: e.STRIPE_TIMEOUT_MS,
    maxNetworkRetries: e.STRIPE_MAX_NETWORK_RETRIES,
    platformFeeBps: e.STRIPE_PLATFORM_FEE_BPS,
  };
}

/** Whether card payments through Stripe are available. Everything else works either way. */
export function isStripeEnabled(): boolean {
  return stripeSettings() !== null;
}

/** A client for these settings (tests build their own with short timeouts). */
export function createStripeClient(
  s: Pick<StripeSettings, "secretKey" | "apiBase" | "timeoutMs" | "maxNetworkRetries">,
): Stripe {
  const base = s.apiBase ? new URL(s.apiBase) : undefined;
  return new Stripe(s.secretKey, {
    timeout: s.timeoutMs,
    maxNetworkRetries: s.maxNetworkRetries,
    appInfo: { name: "Vete" },
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === "https:" ? "443" : "80"),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
}

let cached: { client: Stripe; settings: StripeSettings } | undefined;

/** The configured client and settings; STRIPE_DISABLED (404) when Stripe is not configured. */
export function getStripe(): { client: Stripe; settings: StripeSettings } {
  if (cached) return cached;
  const settings = stripeSettings();
  if (!settings)
    throw new AppError("STRIPE_DISABLED", "Card payments are not set up; pay at the clinic.", { status: 404 });
  cached = { client: createStripeClient(settings), settings };
  return cached;
}
