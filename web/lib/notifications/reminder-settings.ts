// The clinic's appointment reminders: on or off, and how long before the visit (up to 4 offsets between
// 15 minutes and 7 days). Read by get-reminder-settings.ts, set by update-reminder-settings.ts; the reminder
// job reads the same row in SQL.
import { z } from "zod";

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
