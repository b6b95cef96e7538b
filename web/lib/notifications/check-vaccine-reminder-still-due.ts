// A queued vaccine reminder is sent only if each vaccination is still the latest dose, due on the same date,
// and no appointment was booked for the pet since it was queued.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import type { OutboxRow } from "./claim-outbox-messages";

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    check_vaccine_reminder_still_due: {
      args: { p_message_id: string };
      returns: { check_vaccine_reminder_still_due: string | null };
    };
  }
}

export async function checkVaccineReminderStillDue(db: Db, row: OutboxRow): Promise<string | null> {
  const rows = await rpc(db, "check_vaccine_reminder_still_due", { p_message_id: row.id });
  return rows[0]?.check_vaccine_reminder_still_due ?? null;
}
