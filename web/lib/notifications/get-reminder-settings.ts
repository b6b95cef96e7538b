// Staff read the clinic's reminder settings (every clinic has its row from the start, migration 201).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { ReminderSettings } from "./reminder-settings";

export async function getReminderSettings(db: Db, clinicId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<ReminderSettings>(
    `select enabled, offsets_minutes as "offsetsMinutes" from public.clinic_reminder_settings where clinic_id = $1`,
    [clinicId],
  );
  const row = rows[0];
  // RLS shows the row to the clinic's staff only; anyone else learns nothing about it.
  if (!row) throw new AppError("NOT_FOUND", "That clinic was not found.");
  return { enabled: row.enabled, offsetsMinutes: [...row.offsetsMinutes].sort((a, b) => b - a) };
}
