// The clinic's appointment reminders: on or off, and how long before the visit (up to 4 offsets between
// 15 minutes and 7 days). Read by get-reminder-settings.ts, set by update-reminder-settings.ts; the reminder
// job reads the same row in SQL. Every clinic has its row from the start (migration 201): the defaults
// (24 hours and 2 hours before) live only in the column defaults of clinic_reminder_settings.
import { z } from "zod";

export interface ReminderSettings {
  enabled: boolean;
  /** Minutes before the start, largest first. */
  offsetsMinutes: number[];
}

export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  offsetsMinutes: z
    .array(z.number().int().min(15, "At least 15 minutes before.").max(10080, "At most 7 days before."))
    .max(4, "At most 4 reminders.")
    .refine((xs) => new Set(xs).size === xs.length, "Each time only once."),
});
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>;
