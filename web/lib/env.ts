// Environment variables are read and validated here, once. Everything else imports env().
import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** An empty value (`KEY=` in a .env file) counts as unset. */
const optionalSecret = (pattern: RegExp, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(pattern, message).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded Postgres)"),
  DATABASE_POOL_MAX: positiveInt(10),
  APP_URL: z.string().url().default("http://localhost:3000"),
  // No fallback in any mode: `npm start` generates one only for the embedded demo database.
  BETTER_AUTH_SECRET: z
    .string({ error: "BETTER_AUTH_SECRET is required: set a random value of 32+ characters (openssl rand -hex 32)" })
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters (openssl rand -hex 32)"),
  AUTH_SIGNIN_MAX_PER_MINUTE: positiveInt(10),
  AUTH_FAILED_SIGNIN_MAX: positiveInt(10),
  AUTH_FAILED_SIGNIN_WINDOW_MINUTES: positiveInt(15),
  // Which forwarding header names the client's address. "none": only the socket address counts.
  TRUSTED_PROXY: z.enum(["none", "vercel"]).default("none"),
  CRON_SECRET: z.string().min(16).optional(),
  CRON_TIME_BUDGET_MS: positiveInt(50_000),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default("Vete <no-reply@vete.local>"),
  SMS_API_BASE: z.string().url().optional(),
  SMS_ACCOUNT_SID: z.string().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
  OUTBOX_RETENTION_DAYS: positiveInt(30),
  // Stripe (documentation/payments.md). Without the secret key, card payments are off and invoices are paid
  // at the clinic. STRIPE_API_BASE points the SDK at another server (the tests' stand-in), never in production.
  STRIPE_SECRET_KEY: optionalSecret(/^(sk|rk)_/, "STRIPE_SECRET_KEY must start with sk_ or rk_"),
  STRIPE_WEBHOOK_SECRET: optionalSecret(/^whsec_/, "STRIPE_WEBHOOK_SECRET must start with whsec_"),
  STRIPE_PUBLISHABLE_KEY: optionalSecret(/^pk_/, "STRIPE_PUBLISHABLE_KEY must start with pk_"),
  STRIPE_API_BASE: z.string().url().optional(),
  STRIPE_TIMEOUT_MS: positiveInt(20_000),
  STRIPE_MAX_NETWORK_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  // The platform's cut of each payment in basis points (100 = 1%), sent as application_fee_amount.
  STRIPE_PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(0),
  LIMIT_CLINICS_PER_ACCOUNT_PER_DAY: positiveInt(3),
  LIMIT_INVITATIONS_PER_CLINIC_PER_DAY: positiveInt(30),
  LIMIT_CLIENT_EMAILS_PER_CLINIC_PER_DAY: positiveInt(200),
  LIMIT_BOOKINGS_PER_CLIENT_PER_DAY: positiveInt(10),
  DEV_MAILBOX: z.enum(["on", "off"]).optional(),
  /** Comma-separated emails of platform operators (see lib/auth/platform-operators.ts). */
  PLATFORM_ADMIN_EMAILS: z.string().optional(),
  // File storage: Supabase Storage when both are set (web/lib/storage/get-file-store.ts), else STORAGE_DIR.
  SUPABASE_URL: z.string().url().optional(),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(1).optional(),
  SUPABASE_STORAGE_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{2,62}$/, "a bucket name like vete-files")
    .default("vete-files"),
  STORAGE_DIR: z.string().min(1).optional(),
  // Set by web/scripts/start.ts only when it started the embedded database itself (not user-facing).
  VETE_EMBEDDED_DB: z.enum(["1"]).optional(),
  // Set by web/scripts/serve.ts, which stamps every request with its socket address (not user-facing).
  VETE_SOCKET_ADDRESS_HEADER: z.enum(["1"]).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (process.env.VERCEL === "1" && parsed.data.TRUSTED_PROXY !== "vercel") {
    // Without it no request carries an address we can trust, and every visitor would share one login budget.
    throw new Error("Invalid environment:\n  TRUSTED_PROXY: set TRUSTED_PROXY=vercel when deploying on Vercel");
  }
  if (Boolean(parsed.data.SUPABASE_URL) !== Boolean(parsed.data.SUPABASE_SERVICE_ROLE_KEY)) {
    // Half a configuration would silently fall back to local files that a serverless host does not keep.
    throw new Error("Invalid environment:\n  SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY: set both (or neither)");
  }
  cached = parsed.data;
  return cached;
}

function isLoopbackHost(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
  } catch {
    return false;
  }
}

/** The embedded local demo: npm start's own database on this machine, and no real email or SMS provider. */
export function isLocalDemo(): boolean {
  const e = env();
  const smsProvider = Boolean(e.SMS_API_BASE || e.SMS_ACCOUNT_SID || e.SMS_AUTH_TOKEN);
  return e.VETE_EMBEDDED_DB === "1" && isLoopbackHost(e.DATABASE_URL) && !e.RESEND_API_KEY && !smsProvider;
}

/**
 * Unsent mail "delivers" to the dev mailbox only in the local demo. DEV_MAILBOX=off turns it off there;
 * DEV_MAILBOX=on cannot turn it on anywhere else.
 */
export function devMailboxEnabled(): boolean {
  return isLocalDemo() && env().DEV_MAILBOX !== "off";
}
