// Per-account brute-force guard: after AUTH_FAILED_SIGNIN_MAX wrong passwords for one email within
// AUTH_FAILED_SIGNIN_WINDOW_MINUTES, sign-in for that email answers 429 whatever address the attempts
// come from. Counted in the shared Postgres limiter; the email is hashed so the key holds no address.
import "server-only";
import { createHash } from "node:crypto";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { asSystem } from "@/lib/db/context";
import { env } from "@/lib/env";
import { consumeRateLimit, rateLimitRetryAfter, type Limit } from "@/lib/rate-limits/consume-rate-limit";

const SIGN_IN_PATH = "/sign-in/email";

function limitFor(email: string): Limit {
  const e = env();
  return {
    name: "failed-sign-in",
    subject: createHash("sha256").update(email.trim().toLowerCase()).digest("hex"),
    max: e.AUTH_FAILED_SIGNIN_MAX,
    windowSeconds: e.AUTH_FAILED_SIGNIN_WINDOW_MINUTES * 60,
  };
}

function emailOf(body: unknown): string | null {
  const email = (body as { email?: unknown } | null)?.email;
  return typeof email === "string" && email.trim() ? email : null;
}

/** Before sign-in: refuse at once while the email's failure budget is spent. */
export const refuseLockedAccount = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) return;
  const email = emailOf(ctx.body);
  if (!email) return;
  const retryAfter = await asSystem((db) => rateLimitRetryAfter(db, limitFor(email)));
  if (retryAfter > 0) {
    throw new APIError(
      "TOO_MANY_REQUESTS",
      { code: "TOO_MANY_FAILED_SIGN_INS", message: "Too many failed sign-ins for this account. Try again later." },
      { "Retry-After": String(retryAfter), "X-Retry-After": String(retryAfter) },
    );
  }
});

/** After sign-in: a wrong email/password (401) spends one unit of that email's budget. */
export const countFailedSignIn = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== SIGN_IN_PATH) return;
  const returned = ctx.context.returned;
  if (!isAPIError(returned) || returned.statusCode !== 401) return;
  const email = emailOf(ctx.body);
  if (email) await asSystem((db) => consumeRateLimit(db, limitFor(email)));
});
