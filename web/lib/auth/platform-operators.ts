// Platform operators run the deployment (not a clinic): they alone see platform-wide data such as the
// scheduled-job run log. They are listed by email in PLATFORM_ADMIN_EMAILS; a listed address counts only
// once verified, so nobody becomes an operator by signing up with an operator's address first.
import { env } from "@/lib/env";

/** "a@x.test, B@y.test" -> {"a@x.test", "b@y.test"}; empty entries are ignored. */
export function parseEmailList(raw: string | undefined): Set<string> {
  return new Set(
    (raw ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter((s) => s.length > 0),
  );
}

export function isPlatformOperator(
  user: { email: string; emailVerified: boolean },
  operators: Set<string> = parseEmailList(env().PLATFORM_ADMIN_EMAILS),
): boolean {
  return user.emailVerified && operators.has(user.email.trim().toLowerCase());
}
