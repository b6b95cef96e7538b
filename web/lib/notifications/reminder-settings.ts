// The clinic's appointment reminders: on or off, and how long before the visit (up to 4 offsets between
// 15 minutes and 7 days). Staff read them; owners and admins set them (RLS on clinic_reminder_settings is
// the guard; insert on first save, then update). The reminder job reads the same row (migration 201).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/db/error-map";
import { parseWith } from "@/lib/validation/parse";

export interface ReminderSettings {
  enabled: boolean;
  /** Minutes before the start, largest first. */
  offsetsMinutes: number[];
}

/** The column defaults of clinic_reminder_settings: 24 hours and 2 hours before. */
export const defaultReminderSettings: ReminderSettings = { enabled: true, offsetsMinutes: [1440, 120] };

export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  offsetsMinutes: z
    .array(z.number().int().min(15, "At least 15 minutes before.").max(10080, "At most 7 days before."))
    .max(4, "At most 4 reminders.")
    .refine((xs) => new Set(xs).size === xs.length, "Each time only once."),
});
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;

export async function getReminderSettings(db: Db, clinicId: string): Promise<ReminderSettings> {
  const { rows } = await db.query<ReminderSettings>(
    `select enabled, offsets_minutes as "offsetsMinutes" from public.clinic_reminder_settings where clinic_id = $1`,
    [clinicId],
  );
  const row = rows[0] ?? defaultReminderSettings;
  return { enabled: row.enabled, offsetsMinutes: [...row.offsetsMinutes].sort((a, b) => b - a) };
}

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
