// Some messages can go stale between being queued and being sent (a reminder for an appointment that
// was cancelled or moved). A template may have a check that runs right before sending; a non-null
// answer is the reason to cancel the message instead. One line per template below.
import "server-only";
import type { Db } from "@/lib/db/types";
import type { OutboxRow } from "./claim-outbox-messages";
import { checkReminderStillDue } from "./check-reminder-still-due";
import { checkVaccineReminderStillDue } from "./check-vaccine-reminder-still-due";

export type StillDueCheck = (db: Db, row: OutboxRow) => Promise<string | null>;

const checks: Record<string, StillDueCheck> = {
  "appointment.reminder": checkReminderStillDue,
  "vaccine.reminder": checkVaccineReminderStillDue,
};

/** Whether this template has a check at all (so the job skips a database round trip for most messages). */
export function hasStillDueCheck(template: string): boolean {
  return template in checks;
}

/** null when the message should be sent; otherwise why it is no longer wanted. */
export async function checkMessageStillDue(db: Db, row: OutboxRow): Promise<string | null> {
  const check = checks[row.template];
  return check ? check(db, row) : null;
}
