// Recent scheduled-job runs for the staff jobs page. The SQL function checks that the caller owns the clinic.
import "server-only";
import { rpc } from "@/lib/db/rpc";
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

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    list_cron_runs: { args: { p_clinic_id: string; p_limit?: number }; returns: CronRun };
  }
}

export function listCronRuns(db: Db, clinicId: string, limit = 50): Promise<CronRun[]> {
  return rpc(db, "list_cron_runs", { p_clinic_id: clinicId, p_limit: limit });
}
