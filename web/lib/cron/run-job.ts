// Runs one scheduled job safely: single-flight (a session advisory lock keyed by job name, held on a
// dedicated connection), bounded batches, a time budget after which no new batch starts, and one row
// per run in public.cron_runs, including runs skipped because another was still going.
import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";

/** Advisory-lock class for cron jobs; the object id is hashtext(job). Arbitrary but constant. */
const CRON_LOCK_CLASS = 7_246_310;
/** A job that keeps reporting "more" still stops here, so a bug can never loop forever. */
const MAX_BATCHES = 10_000;

export interface JobContext {
  job: string;
  runId: number;
  budgetMs: number;
  /** Milliseconds left before the budget is spent (negative once over). */
  timeLeft(): number;
  outOfTime(): boolean;
}

export interface BatchResult {
  done: number;
  failed: number;
  skipped: number;
  /** True when there may be more due work (a full batch, or items released unstarted). */
  more: boolean;
  /** The batch itself stopped taking items because the budget ran out. */
  cutShort?: boolean;
  /** Extra counters summed into cron_runs.details (e.g. retried, fell_back). */
  counters?: Record<string, number>;
}

export interface JobRunSummary {
  job: string;
  runId: number;
  status: "succeeded" | "failed" | "skipped";
  skipped?: "already running";
  itemsDone: number;
  itemsFailed: number;
  itemsSkipped: number;
  batches: number;
  stoppedByBudget: boolean;
  details: Record<string, number>;
  error?: string;
  durationMs: number;
}

export interface RunJobOptions {
  budgetMs?: number;
  /** The clock the budget is measured on (milliseconds); tests pass one they advance themselves. */
  now?: () => number;
}

/** The counters of a run before its first batch (a fresh object each time: the run adds to it). */
function nothingDoneYet(): Pick<
  JobRunSummary,
  "itemsDone" | "itemsFailed" | "itemsSkipped" | "batches" | "stoppedByBudget" | "details"
> {
  return { itemsDone: 0, itemsFailed: 0, itemsSkipped: 0, batches: 0, stoppedByBudget: false, details: {} };
}

async function tryLock(conn: PoolClient, job: string): Promise<boolean> {
  const { rows } = await conn.query<{ locked: boolean }>("select pg_try_advisory_lock($1, hashtext($2)) as locked", [
    CRON_LOCK_CLASS,
    job,
  ]);
  return rows[0]?.locked === true;
}

export async function runJob(
  job: string,
  runBatch: (ctx: JobContext) => Promise<BatchResult>,
  opts: RunJobOptions = {},
): Promise<JobRunSummary> {
  const now = opts.now ?? Date.now;
  const started = now();
  const budgetMs = opts.budgetMs ?? env().CRON_TIME_BUDGET_MS;
  const conn = await getPool().connect();
  let locked = false;
  try {
    locked = await tryLock(conn, job);
    if (!locked) {
      const { rows } = await conn.query<{ id: number }>(
        `insert into public.cron_runs (job, status, finished_at, details) values ($1, 'skipped', now(), '{"reason":"already running"}') returning id`,
        [job],
      );
      console.info(`[cron] ${job}: skipped, another run holds the lock`);
      return {
        job,
        runId: rows[0]?.id ?? 0,
        status: "skipped",
        skipped: "already running",
        ...nothingDoneYet(),
        durationMs: now() - started,
      };
    }
    // We hold the lock, so any row still "running" belongs to a run that died (killed, platform timeout).
    await conn.query(
      `update public.cron_runs set status = 'abandoned', finished_at = now(),
              error = coalesce(error, 'the run ended without recording a result (killed or timed out)')
        where job = $1 and status = 'running'`,
      [job],
    );
    // Retention: 30 days of history, trimmed a bounded slice at a time.
    await conn.query(
      `delete from public.cron_runs where id in (
         select id from public.cron_runs where job = $1 and started_at < now() - interval '30 days' order by id limit 1000)`,
      [job],
    );
    const { rows } = await conn.query<{ id: number }>("insert into public.cron_runs (job) values ($1) returning id", [
      job,
    ]);
    const runId = rows[0]?.id ?? 0;
    const deadline = started + budgetMs;
    const ctx: JobContext = {
      job,
      runId,
      budgetMs,
      timeLeft: () => deadline - now(),
      outOfTime: () => now() >= deadline,
    };
    const summary: JobRunSummary = {
      job,
      runId,
      status: "succeeded",
      ...nothingDoneYet(),
      durationMs: 0,
    };
    try {
      while (summary.batches < MAX_BATCHES) {
        if (ctx.outOfTime()) {
          summary.stoppedByBudget = true;
          break;
        }
        const r = await runBatch(ctx);
        summary.batches++;
        summary.itemsDone += r.done;
        summary.itemsFailed += r.failed;
        summary.itemsSkipped += r.skipped;
        for (const [k, v] of Object.entries(r.counters ?? {})) summary.details[k] = (summary.details[k] ?? 0) + v;
        if (r.cutShort) {
          summary.stoppedByBudget = true;
          break;
        }
        if (!r.more) break;
      }
    } catch (err) {
      summary.status = "failed";
      summary.error = err instanceof Error ? err.message : String(err);
      console.error(`[cron] ${job}: run ${runId} failed`, err);
    }
    summary.durationMs = now() - started;
    await conn.query(
      `update public.cron_runs set status = $2, finished_at = now(), items_done = $3, items_failed = $4, items_skipped = $5,
              batches = $6, stopped_by_budget = $7, details = $8, error = $9
        where id = $1`,
      [
        runId,
        summary.status,
        summary.itemsDone,
        summary.itemsFailed,
        summary.itemsSkipped,
        summary.batches,
        summary.stoppedByBudget,
        summary.details,
        summary.error?.slice(0, 1000) ?? null,
      ],
    );
    return summary;
  } finally {
    // If the unlock fails, destroy the connection: a pooled connection must never keep holding the lock.
    const unlocked =
      !locked ||
      (await conn.query("select pg_advisory_unlock($1, hashtext($2))", [CRON_LOCK_CLASS, job]).then(
        () => true,
        () => false,
      ));
    conn.release(!unlocked);
  }
}
