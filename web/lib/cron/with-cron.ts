// Route wrapper for GET /api/cron/<job>: Vercel Cron sends `Authorization: Bearer $CRON_SECRET`.
// The secret is compared in constant time; with no secret configured the route refuses to run (503),
// never skips the check. Unauthorized calls get 401 and do nothing.
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import type { JobRunSummary } from "./run-job";

/** Time kept back from the platform limit for in-flight items (provider timeout) and the run-log write. */
export const CRON_RESERVE_MS = 10_000;

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time check of an Authorization header against the secret (equal-length sha256 digests). */
export function isCronAuthorized(header: string | null, secret: string): boolean {
  return timingSafeEqual(digest(header ?? ""), digest(`Bearer ${secret}`));
}

/** The run's time budget: the configured one, but always below the route's maxDuration. */
export function cronBudgetMs(maxDurationSeconds: number, configuredMs = env().CRON_TIME_BUDGET_MS): number {
  return Math.max(1_000, Math.min(configuredMs, maxDurationSeconds * 1000 - CRON_RESERVE_MS));
}

function errorJson(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

export function withCron(opts: { maxDurationSeconds: number }, run: (budgetMs: number) => Promise<JobRunSummary>) {
  return async (req: Request): Promise<Response> => {
    const secret = env().CRON_SECRET;
    if (!secret) {
      console.error(`[cron] ${new URL(req.url).pathname}: refused, CRON_SECRET is not set`);
      return errorJson(503, "UNAVAILABLE", "Scheduled jobs are disabled: CRON_SECRET is not set on the server.");
    }
    if (!isCronAuthorized(req.headers.get("authorization"), secret)) {
      return errorJson(401, "UNAUTHENTICATED", "Missing or wrong cron secret.");
    }
    try {
      const summary = await run(cronBudgetMs(opts.maxDurationSeconds));
      const { error: _internal, ...publicSummary } = summary;
      if (summary.status === "failed") {
        return Response.json(
          {
            error: { code: "INTERNAL", message: `The job failed; see run ${summary.runId} in the run log.` },
            run: publicSummary,
          },
          { status: 500 },
        );
      }
      return Response.json(publicSummary, { headers: { "cache-control": "no-store" } });
    } catch (err) {
      console.error(`[cron] ${new URL(req.url).pathname}: could not run`, err);
      return errorJson(500, "INTERNAL", "The job could not start; see the server log.");
    }
  };
}
