// Staff read the clinic's reminder settings; a clinic that never saved any gets the column defaults.
import "server-only";
import type { Db } from "@/lib/db/types";
import { defaultReminderSettings, type ReminderSettings } from "./reminder-settings";

export async function getReminderSettings(db: Db, clinicId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<ReminderSettings>(
    `select enabled, offsets_minutes as "offsetsMinutes" from public.clinic_reminder_settings where clinic_id = $1`,
    [clinicId],
  );
  const row = rows[0] ?? defaultReminderSettings;
  return { enabled: row.enabled, offsetsMinutes: [...row.offsetsMinutes].sort((a, b) => b - a) };
}
