// Staff read the clinic's vaccine reminder settings (every clinic has its reminder settings row, migration 201).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { VaccineReminderSettings } from "./vaccine-reminder-settings";

export async function getVaccineReminderSettings(db: Db, clinicId: string): Promise<VaccineReminderSettings> {
  const { rows } = await db.query<{ offsets: number[]; overdue: number | null }>(
    `select vaccine_offsets_days as offsets, vaccine_overdue_days as overdue
       from public.clinic_reminder_settings where clinic_id = $1`,
    [clinicId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That clinic was not found.");
  return { offsetsDays: [...row.offsets].sort((a, b) => b - a), overdueDays: row.overdue };
}
