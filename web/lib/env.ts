// Environment variables are read and validated here, once. Everything else imports env().
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded Postgres)"),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  APP_URL: z.string().url().default("http://localhost:3000"),
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  AUTH_SIGNIN_MAX_PER_MINUTE: z.coerce.number().int().positive().default(10),
  CRON_SECRET: z.string().min(16).optional(),
  CRON_TIME_BUDGET_MS: z.coerce.number().int().positive().default(50_000),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default("Vete <no-reply@vete.local>"),
  SMS_API_BASE: z.string().url().optional(),
  SMS_ACCOUNT_SID: z.string().min(1).optional(),
  SMS_AUTH_TOKEN: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).optional(),
  DEV_MAILBOX: z.enum(["on", "off"]).optional(),
  /** Comma-separated emails of platform operators (see lib/auth/platform-operators.ts). */
  PLATFORM_ADMIN_EMAILS: z.string().optional(),
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
  if (parsed.data.NODE_ENV === "production" && !parsed.data.BETTER_AUTH_SECRET && process.env.VETE_LOCAL !== "1") {
    throw new Error("BETTER_AUTH_SECRET must be set in production (32+ characters)");
  }
  cached = parsed.data;
  return cached;
}

/** The dev mailbox page exists unless we run in production with a real email provider. */
export function devMailboxEnabled(): boolean {
  const e = env();
  if (e.DEV_MAILBOX) return e.DEV_MAILBOX === "on";
  return e.NODE_ENV !== "production" || process.env.VETE_LOCAL === "1";
}
