// Retention: a message that was sent, failed or cancelled more than `retentionDays` ago keeps its
// envelope (who, which template, when, status) for the run log and support, but not its body: payload
// and attachments are emptied. Bounded per call; the delivery job calls it once per run, so a backlog
// drains over a few runs. Also drops rate-limit windows that ended long ago.
import "server-only";
import type { Db } from "@/lib/db/types";

const PURGE_BATCH = 1000;

export async function purgeDeliveredMessages(db: Db, retentionDays: number): Promise<number> {
  const { rowCount } = await db.query(
    `update public.outbox_messages set payload = '{"purged":true}'::jsonb, attachments = '[]'::jsonb
      where id in (
        select id from public.outbox_messages
         where status in ('sent', 'failed', 'cancelled')
           and coalesce(sent_at, failed_at, created_at) < now() - make_interval(days => $1)
           and payload <> '{"purged":true}'::jsonb
         limit $2
      )`,
    [retentionDays, PURGE_BATCH],
  );
  await db.query("select private.prune_rate_limit_counters()");
  return rowCount ?? 0;
}
