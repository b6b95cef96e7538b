// Browser-side calls to better-auth's HTTP endpoints (/api/auth/*). Going through the HTTP handler (not
// server-side auth.api calls) keeps the Postgres-backed rate limiter in force for every attempt.
import type { AuthMessageKey } from "@/lib/i18n/messages/auth";

export interface AuthResult {
  ok: boolean;
  status: number;
  code: string | null;
  data: unknown;
}

export async function authPost(path: string, body: Record<string, unknown>): Promise<AuthResult> {
  let res: Response;
  try {
    res = await fetch(`/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, code: "NETWORK", data: null };
  }
  const data: unknown = await res.json().catch(() => null);
  const code = data && typeof data === "object" && "code" in data && typeof data.code === "string" ? data.code : null;
  return { ok: res.ok, status: res.status, code, data };
}

const codeKeys: Record<string, AuthMessageKey> = {
  NETWORK: "networkError",
  INVALID_EMAIL_OR_PASSWORD: "wrongPassword",
  EMAIL_NOT_VERIFIED: "unverified",
  USER_ALREADY_EXISTS: "emailTaken",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "emailTaken",
  INVALID_EMAIL: "invalidEmail",
  PASSWORD_TOO_SHORT: "passwordTooShort",
  PASSWORD_TOO_LONG: "passwordTooLong",
  INVALID_TOKEN: "resetInvalid",
  TOKEN_EXPIRED: "resetInvalid",
};

/** The message to show for a failed auth call. */
export function authErrorKey(r: AuthResult): AuthMessageKey {
  if (r.status === 429) return "rateLimited";
  return (r.code && codeKeys[r.code]) || "genericError";
}
