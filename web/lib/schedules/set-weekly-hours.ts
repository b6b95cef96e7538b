// Replaces one vet's weekly hours in one transaction (several intervals a day express breaks). Owners,
// admins and receptionists may set anyone's; a vet their own (RLS policies on vet_weekly_hours, web/db/schema).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { clockField, idField, requireScheduleEditor, weekdayField } from "./schedule-fields";

export const setWeeklyHoursSchema = z.strictObject({
  vetId: idField,
  hours: z
    .array(
      z
        .strictObject({ weekday: weekdayField, start: clockField, end: clockField })
        .refine((v) => v.start < v.end, { message: "The end must be after the start.", path: ["end"] }),
    )
    .max(70, "At most 70 intervals a week."),
});
export type SetWeeklyHoursInput = z.input<typeof setWeeklyHoursSchema>;

export async function setWeeklyHours(db: Db, clinicId: string, input: SetWeeklyHoursInput): Promise<{ count: number }> {
  const { vetId, hours } = parseWith(setWeeklyHoursSchema, input);
  await requireScheduleEditor(db, clinicId, vetId);
  const member = await db.query("select 1 from public.clinic_memberships where clinic_id = $1 and user_id = $2", [
    clinicId,
    vetId,
  ]);
  if (!member.rowCount)
    throw new AppError("INVALID_INPUT", "That person is not on this clinic's team.", {
      fields: { vetId: ["Pick someone on the team."] },
    });
  await db.query("delete from public.vet_weekly_hours where clinic_id = $1 and vet_id = $2", [clinicId, vetId]);
  if (hours.length) {
    await db.query(
      `insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time)
       select $1, $2, w, s::time, e::time from unnest($3::smallint[], $4::text[], $5::text[]) as t(w, s, e)`,
      [clinicId, vetId, hours.map((h) => h.weekday), hours.map((h) => h.start), hours.map((h) => h.end)],
    );
  }
  return { count: hours.length };
}
