// The reminder job: in bounded batches, queue one outbox message per client per clinic-day per offset for
// confirmed appointments entering a reminder window. The SQL function records each (appointment, offset,
// start time) once, so overlapping or repeated runs never remind twice; the delivery job sends them.
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
  }
}

export async function enqueueDueRemindersBatch(db: Db, limit: number): Promise<BatchResult> {
  const [r] = await rpc(db, "enqueue_due_reminders", { p_limit: limit });
  if (!r) return { done: 0, failed: 0, skipped: 0, more: false };
  return { done: r.messages, failed: 0, skipped: r.skipped, more: r.more, counters: { appointments: r.appointments } };
}

export function enqueueDueReminders(budgetMs?: number, opts: { batchSize?: number } = {}): Promise<JobRunSummary> {
  const limit = opts.batchSize ?? 200;
  return runJob(SEND_REMINDERS_JOB, () => asSystem((db) => enqueueDueRemindersBatch(db, limit)), { budgetMs });
}
