// When to try a message again. Pure, so the schedule is unit-tested without clocks or a database.

export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 60 * 60 * 1000;

/**
 * Delay before the next attempt after `attempts` tries: exponential (1, 2, 4, 8 min, ... capped at
 * 1 h) with "equal jitter" (half fixed, half random) so a burst of failures does not retry in lockstep.
 * A provider's Retry-After wins when it asks for longer.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number, random: () => number = Math.random): number {
  const exp = Math.min(BASE_DELAY_MS * 2 ** Math.max(attempts - 1, 0), MAX_DELAY_MS);
  const jittered = Math.round(exp / 2 + random() * (exp / 2));
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, 1_000) : jittered;
}

export function hasAttemptsLeft(attempts: number, maxAttempts = MAX_ATTEMPTS): boolean {
  return attempts < maxAttempts;
}
