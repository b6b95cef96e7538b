// Claims due outbox rows in one short statement: `for update skip locked` so overlapping runs never take
// the same row, status 'sending' with a lease, attempts + 1 (the claim's fencing token). A row whose lease
// ran out (the claimer crashed between sending and marking) is due again: next_attempt_at is set to the
// lease end, so one index serves both pending and abandoned rows.
import "server-only";
import type { Db } from "@/lib/db/types";

export interface OutboxRow {
  id: string;
  clinic_id: string | null;
  user_id: string | null;
  channel: "email" | "sms";
  recipient: string;
  template: string;
  locale: string;
  payload: Record<string, unknown>;
  /** [{ filename, content_type, content }] with text content (e.g. an .ics invitation). */
  attachments: unknown;
  dedupe_key: string;
  attempts: number;
  /** True when this claim took over a row another run had claimed and not finished. */
  reclaimed: boolean;
}

export async function claimOutboxMessages(db: Db, opts: { limit: number; leaseMs: number }): Promise<OutboxRow[]> {
  const limit = Math.max(1, Math.min(Math.trunc(opts.limit), 500));
  const { rows } = await db.query<OutboxRow>(
    `with due as (
       select id, status from public.outbox_messages
        where status in ('pending', 'sending') and next_attempt_at <= now()
        order by next_attempt_at
        limit $1
        for update skip locked
     )
     update public.outbox_messages m
        set status = 'sending', attempts = m.attempts + 1,
            claimed_until = now() + make_interval(secs => $2::double precision / 1000),
            next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       from due
      where m.id = due.id
     returning m.id, m.clinic_id, m.user_id, m.channel, m.recipient, m.template, m.locale, m.payload, m.attachments, m.dedupe_key, m.attempts,
               due.status = 'sending' as reclaimed`,
    [limit, opts.leaseMs],
  );
  return rows;
}
