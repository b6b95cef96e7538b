// The platform's scheduled-job run log (every clinic shares the runs). Only platform operators may see it:
// call this on the system path after isPlatformOperator; no user-callable SQL function returns runs.
import "server-only";
import type { Db } from "@/lib/db/types";

export interface CronRun {
  id: number;
  job: string;
  status: "running" | "succeeded" | "failed" | "skipped" | "abandoned";
  started_at: Date;
  finished_at: Date | null;
  items_done: number;
  items_failed: number;
  items_skipped: number;
  batches: number;
  stopped_by_budget: boolean;
  details: Record<string, unknown>;
  error: string | null;
}

export async function listCronRuns(db: Db, limit = 50): Promise<CronRun[]> {
  const { rows } = await db.query<CronRun>("select * from public.cron_runs order by started_at desc limit $1", [
    Math.min(Math.max(Math.trunc(limit), 1), 200),
  ]);
  return rows;
}
