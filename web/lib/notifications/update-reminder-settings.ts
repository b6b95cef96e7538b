// Owners and admins set the clinic's reminders (RLS on clinic_reminder_settings is the guard; insert on first
// save, then update).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/db/error-map";
import { parseWith } from "@/lib/validation/parse";
import { getReminderSettings } from "./get-reminder-settings";
import { reminderSettingsSchema, type ReminderSettings, type ReminderSettingsInput } from "./reminder-settings";

export async function updateReminderSettings(
  db: Db,
  clinicId: string,
  input: ReminderSettingsInput,
): Promise<ReminderSettings> {
  const d = parseWith(reminderSettingsSchema, input);
  try {
    await db.query(
      `insert into public.clinic_reminder_settings (clinic_id, enabled, offsets_minutes) values ($1, $2, $3)
       on conflict (clinic_id) do update set enabled = excluded.enabled, offsets_minutes = excluded.offsets_minutes`,
      [clinicId, d.enabled, d.offsetsMinutes],
    );
  } catch (err) {
    const e = toAppError(err);
    // RLS refuses anyone but owners and admins (42501): say so rather than "invalid"
    if (e instanceof AppError && e.code === "FORBIDDEN")
      throw new AppError("FORBIDDEN", "Only owners and admins can change reminders.");
    throw e;
  }
  return getReminderSettings(db, clinicId);
}
