// Environment variables are read and validated here, once. Everything else imports env().
import { z } from "zod";
import type { DatabaseCa } from "@/lib/db/connection-config";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** An empty value (`KEY=` in a .env file) counts as unset. */
const optionalSecret = (pattern: RegExp, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(pattern, message).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // The app's (pooled) and the migrations' (direct) connections: see databaseSettings() below.
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_URL_DIRECT: z.string().min(1).optional(),
  POSTGRES_URL: z.string().min(1).optional(),
  POSTGRES_URL_NON_POOLING: z.string().min(1).optional(),
  DATABASE_CA_FILE: z.string().min(1).optional(),
  DATABASE_CA_CERT: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().optional(),
  APP_URL: z.string().url().optional(),
  VERCEL: z.string().optional(),
  VERCEL_ENV: z.enum(["production", "preview", "development"]).optional(),
  VERCEL_URL: z.string().min(1).optional(),
  VERCEL_BRANCH_URL: z.string().min(1).optional(),
  VERCEL_PROJECT_PRODUCTION_URL: z.string().min(1).optional(),
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

type Parsed = z.infer<typeof schema>;

export interface DatabaseSettings {
  /** The app's connection: through the transaction pooler in production (Supavisor, port 6543). */
  url: string;
  /** Migrations' connection: direct or a session pooler (they hold a session-level lock). */
  directUrl: string;
  /** Which variables they came from, for messages that never print the URLs themselves. */
  urlFrom: string;
  directUrlFrom: string;
  /** Connections per app instance (per serverless function instance on Vercel). */
  poolMax: number;
  ca: DatabaseCa;
}

/** On Vercel every function instance has its own pool; a few connections each keep the pooler's limit far. */
export const POOL_MAX_SERVERLESS = 3;
export const POOL_MAX_SERVER = 10;

type Source = Record<string, string | undefined>;
const given = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/**
 * Which URL the app and the migrations use. The names come in pairs, ours first:
 * - DATABASE_URL (app) with DATABASE_URL_DIRECT (migrations; DATABASE_URL when unset);
 * - else POSTGRES_URL (pooled) with POSTGRES_URL_NON_POOLING (direct), as the Supabase integration on Vercel
 *   sets them; DATABASE_URL_DIRECT still overrides the direct one.
 * Reads only these few variables, so the migration script can use it without the app's secrets.
 */
export function databaseSettings(source: Source = process.env): DatabaseSettings {
  const pick = (...names: string[]) => names.find((n) => given(source[n]));
  const urlFrom = pick("DATABASE_URL", "POSTGRES_URL", "DATABASE_URL_DIRECT", "POSTGRES_URL_NON_POOLING");
  if (!urlFrom) {
    throw new Error(
      "Invalid environment:\n  DATABASE_URL: set DATABASE_URL (or POSTGRES_URL, as the Supabase integration on Vercel does); " +
        "npm start sets it for the embedded Postgres",
    );
  }
  const directUrlFrom =
    urlFrom === "DATABASE_URL"
      ? (pick("DATABASE_URL_DIRECT") ?? urlFrom)
      : (pick("DATABASE_URL_DIRECT", "POSTGRES_URL_NON_POOLING") ?? urlFrom);
  const poolRaw = given(source.DATABASE_POOL_MAX);
  const poolMax =
    poolRaw === undefined ? (source.VERCEL === "1" ? POOL_MAX_SERVERLESS : POOL_MAX_SERVER) : Number(poolRaw);
  if (!Number.isInteger(poolMax) || poolMax < 1) {
    throw new Error("Invalid environment:\n  DATABASE_POOL_MAX: must be a whole number of connections, 1 or more");
  }
  return {
    url: given(source[urlFrom]) as string,
    directUrl: given(source[directUrlFrom]) as string,
    urlFrom,
    directUrlFrom,
    poolMax,
    ca: { file: given(source.DATABASE_CA_FILE), pem: given(source.DATABASE_CA_CERT) },
  };
}

const https = (host: string | undefined) =>
  host ? `https://${host.replace(/^https?:\/\//, "").replace(/\/+$/, "")}` : undefined;

export interface AppUrls {
  /** The address links in mails point to, and better-auth's baseURL. */
  appUrl: string;
  /** Origins allowed to post to the auth endpoints: the app URL and this deployment's own Vercel addresses. */
  trustedOrigins: string[];
}

/**
 * APP_URL when set. On Vercel without it: the production domain for production deployments
 * (VERCEL_PROJECT_PRODUCTION_URL), the branch address for previews (VERCEL_BRANCH_URL, stable across
 * pushes), else the deployment's own address (VERCEL_URL). Vercel gives these without https://.
 * A preview is reached at its deployment and its branch address alike, so both are trusted origins.
 */
export function appUrls(source: Source = process.env): AppUrls {
  const vercel = source.VERCEL === "1";
  const production = https(given(source.VERCEL_PROJECT_PRODUCTION_URL));
  const branch = https(given(source.VERCEL_BRANCH_URL));
  const deployment = https(given(source.VERCEL_URL));
  const fromVercel = !vercel
    ? undefined
    : source.VERCEL_ENV === "production"
      ? (production ?? deployment)
      : (branch ?? deployment);
  const appUrl = (given(source.APP_URL) ?? fromVercel ?? "http://localhost:3000").replace(/\/+$/, "");
  const origins = [appUrl];
  if (vercel) {
    for (const u of [deployment, branch, source.VERCEL_ENV === "production" ? production : undefined]) {
      if (u) origins.push(u);
    }
  }
  return { appUrl, trustedOrigins: [...new Set(origins.map((u) => new URL(u).origin))] };
}

export type Env = Omit<Parsed, "DATABASE_URL" | "DATABASE_POOL_MAX" | "APP_URL"> & {
  /** The app's connection URL, resolved by databaseSettings(). */
  DATABASE_URL: string;
  DATABASE_POOL_MAX: number;
  APP_URL: string;
  database: DatabaseSettings;
  trustedOrigins: string[];
};

let cached: Env | undefined;

function invalid(path: string, message: string): never {
  throw new Error(`Invalid environment:\n  ${path}: ${message}`);
}

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (process.env.VERCEL === "1" && parsed.data.TRUSTED_PROXY !== "vercel") {
    // Without it no request carries an address we can trust, and every visitor would share one login budget.
    invalid("TRUSTED_PROXY", "set TRUSTED_PROXY=vercel when deploying on Vercel");
  }
  if (Boolean(parsed.data.SUPABASE_URL) !== Boolean(parsed.data.SUPABASE_SERVICE_ROLE_KEY)) {
    // Half a configuration would silently fall back to local files that a serverless host does not keep.
    invalid("SUPABASE_URL", "set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY together (or neither)");
  }
  const database = databaseSettings(process.env);
  let urls: AppUrls;
  try {
    urls = appUrls(process.env);
  } catch {
    invalid("APP_URL", "VERCEL_URL, VERCEL_BRANCH_URL or VERCEL_PROJECT_PRODUCTION_URL is not a host name");
  }
  cached = {
    ...parsed.data,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: database.poolMax,
    APP_URL: urls.appUrl,
    database,
    trustedOrigins: urls.trustedOrigins,
  };
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
