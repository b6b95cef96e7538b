// Owners and admins set the clinic's vaccine reminders (RLS on clinic_reminder_settings is the guard).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { getVaccineReminderSettings } from "./get-vaccine-reminder-settings";
import {
  vaccineReminderSettingsSchema,
  type VaccineReminderSettings,
  type VaccineReminderSettingsInput,
} from "./vaccine-reminder-settings";

export { vaccineReminderSettingsSchema };

export async function updateVaccineReminderSettings(
  db: Db,
  clinicId: string,
  input: VaccineReminderSettingsInput,
): Promise<VaccineReminderSettings> {
  const d = parseWith(vaccineReminderSettingsSchema, input);
  const { rowCount } = await db.query(
    `update public.clinic_reminder_settings set vaccine_offsets_days = $2, vaccine_overdue_days = $3 where clinic_id = $1`,
    [clinicId, d.offsetsDays, d.overdueDays],
  );
  // RLS hides the row from anyone but owners and admins: nothing updated means not allowed.
  if (!rowCount) throw new AppError("FORBIDDEN", "Only owners and admins can change reminders.");
  return getVaccineReminderSettings(db, clinicId);
}
