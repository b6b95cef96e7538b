// The clinic's vaccine reminders: days before the due date (up to 4, 1 to 365) and the one overdue reminder
// (days after the due date, or none). Stored on clinic_reminder_settings beside the appointment reminders;
// RLS lets staff read and owners and admins write the row. Read by get-, set by update-vaccine-reminder-settings.
import { z } from "zod";

export interface VaccineReminderSettings {
  offsetsDays: number[];
  overdueDays: number | null;
}

export const vaccineReminderSettingsSchema = z.strictObject({
  offsetsDays: z
    .array(z.number().int().min(1, "At least 1 day before.").max(365, "At most 365 days before."))
    .max(4, "At most 4 reminders.")
    .refine((xs) => new Set(xs).size === xs.length, "Each day only once."),
  overdueDays: z.number().int().min(1, "At least 1 day after.").max(90, "At most 90 days after.").nullable(),
});
export type VaccineReminderSettingsInput = z.input<typeof vaccineReminderSettingsSchema>;
