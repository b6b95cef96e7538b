// The delivery job: claim due outbox rows (short transaction), send outside any transaction with bounded
// concurrency, then settle each row: sent, retry later (backoff + jitter, Retry-After honoured), failed at
// once on a permanent error, or, for SMS that cannot be delivered, fall back to email. Rows claimed but
// not started when the time budget runs out are released; rows abandoned by a crashed run are re-claimed
// after their lease and resent with the same provider idempotency key (the row id).
import "server-only";
import { asSystem } from "@/lib/db/context";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n";
import { runJob, type BatchResult, type JobContext, type JobRunSummary } from "@/lib/cron/run-job";
import { mapWithConcurrency } from "@/lib/cron/map-with-concurrency";
import { renderMessage } from "./render";
import { claimOutboxMessages, type OutboxRow } from "./claim-outbox-messages";
import { checkMessageStillDue, hasStillDueCheck } from "./check-message-still-due";
import { providersFromEnv, type Providers } from "./providers";
import { parseAttachments, type SendOutcome } from "./provider-outcome";
import { hasAttemptsLeft, MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";
import { purgeDeliveredMessages } from "./purge-delivered-messages";
import {
  DEV_MAILBOX_MESSAGE_ID,
  fallBackToEmail,
  markCancelled,
  markFailed,
  markSent,
  releaseClaim,
  scheduleRetry,
} from "./settle-outbox-message";

export const DELIVER_OUTBOX_JOB = "deliver-outbox";

export interface DeliverOptions {
  batchSize?: number;
  concurrency?: number;
  /** How long a claim is held before another run may take the row over. Must exceed budget + provider timeout. */
  leaseMs?: number;
  maxAttempts?: number;
  providers?: Providers;
  random?: () => number;
  /** Delivered message bodies older than this are purged at the start of each run. */
  retentionDays?: number;
}

type Settlement = "sent" | "retry" | "failed" | "fell_back" | "cancelled" | "stale";

async function send(row: OutboxRow, providers: Providers): Promise<SendOutcome> {
  const locale = isLocale(row.locale) ? row.locale : "en";
  const rendered = renderMessage(row.template, locale, row.payload, { appUrl: env().APP_URL });
  const sender = row.channel === "email" ? providers.email : providers.sms;
  if (sender) {
    const body = row.channel === "sms" ? `${rendered.subject}\n${rendered.text}` : rendered.text;
    const attachments = row.channel === "email" ? parseAttachments(row.attachments) : [];
    return sender.send({
      to: row.recipient,
      subject: rendered.subject,
      text: body,
      html: rendered.html,
      idempotencyKey: row.id,
      attachments,
    });
  }
  if (providers.devMailbox) return { ok: true, providerMessageId: DEV_MAILBOX_MESSAGE_ID };
  return row.channel === "sms"
    ? { ok: false, kind: "permanent", error: "sms provider not configured" }
    : { ok: false, kind: "transient", error: "email provider not configured (set RESEND_API_KEY)" };
}

async function deliverOne(row: OutboxRow, opts: BatchOptions): Promise<Settlement> {
  const staleReason = hasStillDueCheck(row.template) ? await asSystem((db) => checkMessageStillDue(db, row)) : null;
  if (staleReason) return (await asSystem((db) => markCancelled(db, row, staleReason))) ? "cancelled" : "stale";

  let outcome: SendOutcome;
  try {
    outcome = await send(row, opts.providers);
  } catch (err) {
    // Rendering or an unexpected bug: retrying the same input cannot help.
    outcome = {
      ok: false,
      kind: "permanent",
      error: `could not build the message: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
  if (outcome.ok) return (await asSystem((db) => markSent(db, row, outcome.providerMessageId))) ? "sent" : "stale";

  const finalFailure = outcome.kind === "permanent" || !hasAttemptsLeft(row.attempts, opts.maxAttempts);
  if (!finalFailure) {
    const delay = retryDelayMs(
      row.attempts,
      outcome.kind === "transient" ? outcome.retryAfterMs : undefined,
      opts.random,
    );
    return (await asSystem((db) => scheduleRetry(db, row, delay, outcome.error))) ? "retry" : "stale";
  }
  const reason =
    outcome.kind === "permanent" ? outcome.error : `${outcome.error} (gave up after ${row.attempts} attempts)`;
  if (row.channel === "sms") {
    const r = await asSystem((db) => fallBackToEmail(db, row, `sms failed: ${reason}`));
    if (!r.settled) return "stale";
    console.warn(
      `[outbox] sms ${row.id} failed (${reason}); ${r.fellBack ? "fell back to email" : "no email to fall back to"}`,
    );
    return r.fellBack ? "fell_back" : "failed";
  }
  console.warn(`[outbox] email ${row.id} failed: ${reason}`);
  return (await asSystem((db) => markFailed(db, row, reason))) ? "failed" : "stale";
}

type BatchOptions = Required<Omit<DeliverOptions, "retentionDays">>;

export async function deliverOutboxBatch(ctx: JobContext, opts: BatchOptions): Promise<BatchResult> {
  const claimed = await asSystem((db) => claimOutboxMessages(db, { limit: opts.batchSize, leaseMs: opts.leaseMs }));
  if (claimed.length === 0) return { done: 0, failed: 0, skipped: 0, more: false };

  const results = await mapWithConcurrency(claimed, opts.concurrency, (row) => deliverOne(row, opts), {
    shouldStart: () => !ctx.outOfTime(),
  });
  const counters: Record<string, number> = { reclaimed: claimed.filter((r) => r.reclaimed).length };
  const count = (k: string) => (counters[k] = (counters[k] ?? 0) + 1);
  let released = 0;
  for (const [i, r] of results.entries()) {
    const row = claimed[i];
    if (!row) continue;
    if (r.status === "not_started") {
      if (await asSystem((db) => releaseClaim(db, row))) released++;
    } else if (r.status === "rejected") {
      // The row stays claimed until its lease ends, then the next run retries it.
      console.error(`[outbox] ${row.id}: delivery step threw`, r.reason);
      count("errors");
    } else {
      count(r.value);
    }
  }
  if (released) counters.released = released;
  return {
    done: counters.sent ?? 0,
    failed: (counters.failed ?? 0) + (counters.errors ?? 0),
    skipped: (counters.cancelled ?? 0) + (counters.stale ?? 0) + released,
    // Fallback emails were just queued: take another batch so they go out in this run.
    more: claimed.length === opts.batchSize || released > 0 || (counters.fell_back ?? 0) > 0,
    cutShort: released > 0,
    counters,
  };
}

export function deliverOutbox(budgetMs?: number, options: DeliverOptions = {}): Promise<JobRunSummary> {
  const opts: Required<DeliverOptions> = {
    batchSize: options.batchSize ?? 50,
    concurrency: options.concurrency ?? 8,
    leaseMs: options.leaseMs ?? 3 * 60_000,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    providers: options.providers ?? providersFromEnv(),
    random: options.random ?? Math.random,
    retentionDays: options.retentionDays ?? env().OUTBOX_RETENTION_DAYS,
  };
  let housekept = false;
  return runJob(
    DELIVER_OUTBOX_JOB,
    async (ctx) => {
      // Housekeeping once per run, before delivery: old message bodies and spent rate-limit windows.
      const purged = housekept ? 0 : await asSystem((db) => purgeDeliveredMessages(db, opts.retentionDays));
      housekept = true;
      const result = await deliverOutboxBatch(ctx, opts);
      if (purged > 0) result.counters = { ...result.counters, purged };
      return result;
    },
    { budgetMs },
  );
}
