// Removes a time-off entry; RLS lets owners, admins, receptionists and the vet themself do it.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField, requireScheduleEditor } from "./schedule-fields";

export async function deleteTimeOff(db: Db, clinicId: string, timeOffId: string): Promise<{ removed: number }> {
  const id = parseWith(idField, timeOffId);
  const { rows } = await db.query<{ vetId: string }>(
    'select vet_id as "vetId" from public.vet_time_off where id = $1 and clinic_id = $2',
    [id, clinicId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That time off was not found.");
  await requireScheduleEditor(db, clinicId, row.vetId);
  const res = await db.query("delete from public.vet_time_off where id = $1 and clinic_id = $2", [id, clinicId]);
  return { removed: res.rowCount ?? 0 };
}
