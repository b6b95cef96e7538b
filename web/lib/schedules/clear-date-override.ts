// Removes one vet's override for one local date, so the weekly hours apply again that day.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { dateField, idField, requireScheduleEditor } from "./schedule-fields";

export const clearDateOverrideSchema = z.strictObject({ vetId: idField, date: dateField });
export type ClearDateOverrideInput = z.input<typeof clearDateOverrideSchema>;

export async function clearDateOverride(
  db: Db,
  clinicId: string,
  input: ClearDateOverrideInput,
): Promise<{ removed: number }> {
  const d = parseWith(clearDateOverrideSchema, input);
  await requireScheduleEditor(db, clinicId, d.vetId);
  const res = await db.query(
    "delete from public.vet_date_overrides where clinic_id = $1 and vet_id = $2 and on_date = $3",
    [clinicId, d.vetId, d.date],
  );
  if (!res.rowCount)
    throw new AppError("NOT_FOUND", "There is no override for that date.", {
      fields: { date: ["No override on this date."] },
    });
  return { removed: res.rowCount };
}
