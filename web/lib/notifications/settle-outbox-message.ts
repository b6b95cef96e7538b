// The end of one delivery attempt. Every update is fenced on (status 'sending', attempts = the claim's
// attempts): if the lease ran out and another run re-claimed the row, this stale result changes nothing.
import "server-only";
import type { Db } from "@/lib/db/types";
import type { OutboxRow } from "./claim-outbox-messages";
import { liveTokenFieldsOf } from "./live-token-fields";

const FENCE = "id = $1 and status = 'sending' and attempts = $2";
const clip = (s: string) => s.slice(0, 1000);
/** Drops the fields listed in parameter $n (live tokens) and notes that it did. */
const redact = (n: number) =>
  `payload = case when cardinality($${n}::text[]) = 0 then payload else (payload - $${n}::text[]) || '{"redacted":true}'::jsonb end`;

export const DEV_MAILBOX_MESSAGE_ID = "dev-mailbox";

export async function markSent(db: Db, row: OutboxRow, providerMessageId: string): Promise<boolean> {
  // In the dev mailbox the stored row is what the developer reads, link included.
  const fields = providerMessageId === DEV_MAILBOX_MESSAGE_ID ? [] : liveTokenFieldsOf(row.template);
  const r = await db.query(
    `update public.outbox_messages set status = 'sent', sent_at = now(), claimed_until = null, provider_message_id = $3,
            last_error = null, ${redact(4)}
      where ${FENCE}`,
    [row.id, row.attempts, providerMessageId, fields],
  );
  return r.rowCount === 1;
}

export async function scheduleRetry(db: Db, row: OutboxRow, delayMs: number, error: string): Promise<boolean> {
  const r = await db.query(
    `update public.outbox_messages set status = 'pending', claimed_until = null, last_error = $4,
            next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
      where ${FENCE}`,
    [row.id, row.attempts, delayMs, clip(error)],
  );
  return r.rowCount === 1;
}

export async function markFailed(db: Db, row: OutboxRow, error: string): Promise<boolean> {
  const r = await db.query(
    `update public.outbox_messages set status = 'failed', failed_at = now(), claimed_until = null, last_error = $3,
            ${redact(4)}
      where ${FENCE}`,
    [row.id, row.attempts, clip(error), liveTokenFieldsOf(row.template)],
  );
  return r.rowCount === 1;
}

export async function markCancelled(db: Db, row: OutboxRow, reason: string): Promise<boolean> {
  const r = await db.query(
    `update public.outbox_messages set status = 'cancelled', claimed_until = null, last_error = $3, ${redact(4)}
      where ${FENCE}`,
    [row.id, row.attempts, clip(reason), liveTokenFieldsOf(row.template)],
  );
  return r.rowCount === 1;
}

/** Gives an unstarted claim back (time budget ran out before it began): the attempt does not count. */
export async function releaseClaim(db: Db, row: OutboxRow): Promise<boolean> {
  const r = await db.query(
    `update public.outbox_messages set status = 'pending', claimed_until = null, next_attempt_at = now(), attempts = attempts - 1 where ${FENCE}`,
    [row.id, row.attempts],
  );
  return r.rowCount === 1;
}

/**
 * An SMS that cannot be delivered becomes an email with the same template and payload (dedupe key
 * 'fallback:<sms id>'), and the SMS row is marked failed with the reason. Both in the caller's transaction.
 * No fallback when there is no email address, or the payload says `email_fallback: false` (the client
 * did not consent to email); the SMS is then simply failed.
 */
export async function fallBackToEmail(
  db: Db,
  row: OutboxRow,
  reason: string,
): Promise<{ fellBack: boolean; settled: boolean }> {
  if (row.payload.email_fallback === false) {
    return {
      fellBack: false,
      settled: await markFailed(db, row, `${reason}; no email fallback (client did not accept email)`),
    };
  }
  const { rows } = await db.query<{ email: string | null }>(
    `select coalesce(nullif($2::jsonb ->> 'fallback_email', ''), (select u.email::text from public.users u where u.id = $1)) as email`,
    [row.user_id, row.payload],
  );
  const email = rows[0]?.email ?? null;
  if (!email) {
    return { fellBack: false, settled: await markFailed(db, row, `${reason}; no email address to fall back to`) };
  }
  const settled = await markFailed(db, row, `${reason}; fell back to email`);
  if (!settled) return { fellBack: false, settled };
  await db.query(
    `insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key)
     values ($1, $2, 'email', $3, $4, $5, $6, $7) on conflict (dedupe_key) do nothing`,
    [row.clinic_id, row.user_id, email, row.template, row.locale, row.payload, `fallback:${row.id}`],
  );
  return { fellBack: true, settled };
}
