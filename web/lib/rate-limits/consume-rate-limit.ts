// The shared limiter: fixed-window counters in Postgres (private.consume_rate_limit), so every server
// instance spends the same budget. Keys are built here from ids the server trusts (session user, clinic),
// never from raw input, and run on the system path: no user can spend or reset another's budget.
import "server-only";
import { asSystem } from "@/lib/db/context";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";

export interface Limit {
  /** What is limited, for the key and the message: "clinic-create", "invitation", ... */
  name: string;
  /** Whose budget: a user id, a clinic id, a hashed email. */
  subject: string;
  max: number;
  windowSeconds: number;
}

export const DAY_SECONDS = 24 * 60 * 60;

const keyOf = (limit: Limit) => `${limit.name}:${limit.subject}`;

/** Seconds to wait when the budget is spent (0: a unit was taken). */
export async function consumeRateLimit(db: Db, limit: Limit): Promise<number> {
  const { rows } = await db.query<{ retry_after: number }>(
    "select private.consume_rate_limit($1, $2, $3) as retry_after",
    [keyOf(limit), limit.max, limit.windowSeconds],
  );
  return rows[0]?.retry_after ?? 0;
}

/** Seconds to wait if the budget is already spent, without spending anything. */
export async function rateLimitRetryAfter(db: Db, limit: Limit): Promise<number> {
  const { rows } = await db.query<{ retry_after: number }>(
    "select private.rate_limit_retry_after($1, $2) as retry_after",
    [keyOf(limit), limit.max],
  );
  return rows[0]?.retry_after ?? 0;
}

export function rateLimitedError(retryAfterSeconds: number, message: string): AppError {
  return new AppError("RATE_LIMITED", message, { retryAfterSeconds });
}

/** Spends one unit or throws RATE_LIMITED (429 with Retry-After). Its own short transaction. */
export async function enforceRateLimit(limit: Limit, message: string): Promise<void> {
  const retryAfter = await asSystem((db) => consumeRateLimit(db, limit));
  if (retryAfter > 0) throw rateLimitedError(retryAfter, message);
}
