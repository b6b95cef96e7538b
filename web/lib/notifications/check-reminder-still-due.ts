// A queued reminder is sent only if its appointments are still confirmed, at the same time, in the future.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import type { OutboxRow } from "./claim-outbox-messages";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    check_reminder_still_due: { args: { p_message_id: string }; returns: { check_reminder_still_due: string | null } };
  }
}

export async function checkReminderStillDue(db: Db, row: OutboxRow): Promise<string | null> {
  const rows = await rpc(db, "check_reminder_still_due", { p_message_id: row.id });
  return rows[0]?.check_reminder_still_due ?? null;
}
