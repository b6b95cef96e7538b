// The reminder job: in bounded batches, queue one outbox message per client per clinic-day per offset for
// confirmed appointments entering a reminder window, then one per client per clinic-day for vaccines coming
// due or overdue. The SQL functions record each (appointment, offset, start time) and each (vaccination, due
// date, offset) once, so overlapping or repeated runs never remind twice; the delivery job sends them.
import "server-only";
import { asSystem } from "@/lib/db/context";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { runJob, type BatchResult, type JobRunSummary } from "@/lib/cron/run-job";

// The job keeps its public name (cron route, vercel.json, run log): it queues reminders that deliver-outbox sends.
export const SEND_REMINDERS_JOB = "send-reminders";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    enqueue_due_reminders: {
      args: { p_limit?: number };
      returns: { messages: number; appointments: number; skipped: number; more: boolean };
    };
    enqueue_due_vaccine_reminders: {
      args: { p_limit?: number };
      returns: { messages: number; vaccinations: number; skipped: number; more: boolean };
    };
  }
}

export async function enqueueDueRemindersBatch(db: Db, limit: number): Promise<BatchResult> {
  const [r] = await rpc(db, "enqueue_due_reminders", { p_limit: limit });
  const [v] = await rpc(db, "enqueue_due_vaccine_reminders", { p_limit: limit });
  return {
    done: (r?.messages ?? 0) + (v?.messages ?? 0),
    failed: 0,
    skipped: (r?.skipped ?? 0) + (v?.skipped ?? 0),
    more: Boolean(r?.more || v?.more),
    counters: { appointments: r?.appointments ?? 0, vaccinations: v?.vaccinations ?? 0 },
  };
}

export function enqueueDueReminders(budgetMs?: number, opts: { batchSize?: number } = {}): Promise<JobRunSummary> {
  const limit = opts.batchSize ?? 200;
  return runJob(SEND_REMINDERS_JOB, () => asSystem((db) => enqueueDueRemindersBatch(db, limit)), { budgetMs });
}
