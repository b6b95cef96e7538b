// better-auth, on the app's one pg Pool: email + password, sessions in Postgres with a 5-second cookie
// cache (a revoked session dies within seconds), login rate limits in Postgres shared by all instances
// (per client address, from a header only a trusted party writes, and per account), and verification /
// reset mails written to the outbox.
import "server-only";
import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import { hashPassword } from "better-auth/crypto";
import { nextCookies } from "better-auth/next-js";
import { getPool } from "@/lib/db/pool";
import { env, isLocalDemo } from "@/lib/env";
import { trustedAddressHeaders } from "@/lib/auth/client-address";
import { PUBLISHED_DEMO_PASSWORD } from "./demo-password";
import { enqueueAuthEmail } from "./enqueue-auth-email";
import { countFailedSignIn, refuseLockedAccount } from "./failed-sign-in-limit";

const ts = { createdAt: "created_at", updatedAt: "updated_at" } as const;

function createAuth() {
  const e = env();
  return betterAuth({
    appName: "Vete",
    baseURL: e.APP_URL,
    secret: e.BETTER_AUTH_SECRET,
    database: getPool(),
    // The app URL and, on Vercel, this deployment's own addresses (a preview is reached at both).
    trustedOrigins: e.trustedOrigins,
    advanced: {
      database: { generateId: "uuid" },
      cookiePrefix: "vete",
      // Never X-Forwarded-For from the client: an empty list means "no trusted address" (one shared bucket).
      ipAddress: { ipAddressHeaders: trustedAddressHeaders() },
    },
    hooks: { before: refuseLockedAccount, after: countFailedSignIn },
    user: {
      modelName: "users",
      fields: { emailVerified: "email_verified", ...ts },
      additionalFields: { locale: { type: "string", required: false, defaultValue: "en", input: true } },
    },
    session: {
      modelName: "sessions",
      fields: { userId: "user_id", expiresAt: "expires_at", ipAddress: "ip_address", userAgent: "user_agent", ...ts },
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
      cookieCache: { enabled: true, maxAge: 5 },
    },
    account: {
      modelName: "accounts",
      fields: {
        userId: "user_id",
        accountId: "account_id",
        providerId: "provider_id",
        accessToken: "access_token",
        refreshToken: "refresh_token",
        idToken: "id_token",
        accessTokenExpiresAt: "access_token_expires_at",
        refreshTokenExpiresAt: "refresh_token_expires_at",
        ...ts,
      },
    },
    verification: { modelName: "verifications", fields: { expiresAt: "expires_at", ...ts } },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "rate_limits",
      fields: { lastRequest: "last_request" },
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: e.AUTH_SIGNIN_MAX_PER_MINUTE },
        "/sign-up/email": { window: 60, max: e.AUTH_SIGNIN_MAX_PER_MINUTE },
        "/request-password-reset": { window: 60, max: 5 },
        "/send-verification-email": { window: 60, max: 5 },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      minPasswordLength: 8,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: async (password) => {
          if (password === PUBLISHED_DEMO_PASSWORD && !isLocalDemo()) {
            throw new APIError("BAD_REQUEST", {
              code: "PASSWORD_PUBLISHED",
              message: "This password is published in Vete's documentation. Choose another one.",
            });
          }
          return hashPassword(password);
        },
      },
      sendResetPassword: async ({ user, url, token }) => {
        await enqueueAuthEmail({ template: "auth.reset_password", user, url, token });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url, token }) => {
        await enqueueAuthEmail({ template: "auth.verify_email", user, url, token });
      },
    },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { veteAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.veteAuth ??= createAuth();
  return globalForAuth.veteAuth;
}
