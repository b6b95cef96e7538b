// Adds time off for a vet: from a local date (and time) to a local date (and time) in the clinic's zone,
// stored as an absolute range. Without times it covers whole days, the end date included.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { clockField, dateField, idField, requireScheduleEditor, shortNoteField } from "./schedule-fields";
import type { TimeOff } from "./get-clinic-schedule";

export const addTimeOffSchema = z
  .strictObject({
    vetId: idField,
    startDate: dateField,
    startTime: clockField.nullable().optional(),
    endDate: dateField,
    endTime: clockField.nullable().optional(),
    reason: shortNoteField,
  })
  .refine((v) => `${v.endDate}T${v.endTime ?? "24:00"}` > `${v.startDate}T${v.startTime ?? "00:00"}`, {
    message: "The end must be after the start.",
    path: ["endDate"],
  });
export type AddTimeOffInput = z.input<typeof addTimeOffSchema>;

export async function addTimeOff(db: Db, clinicId: string, input: AddTimeOffInput): Promise<TimeOff> {
  const d = parseWith(addTimeOffSchema, input);
  await requireScheduleEditor(db, clinicId, d.vetId);
  const { rows } = await db.query<TimeOff>(
    `insert into public.vet_time_off (clinic_id, vet_id, period, reason)
     select $1, $2, tstzrange(($3::date + coalesce($4::time, '00:00')) at time zone c.time_zone,
                              ($5::date + coalesce($6::time, '24:00')) at time zone c.time_zone, '[)'), $7
       from public.clinics c where c.id = $1
     returning id, vet_id as "vetId", lower(period) as "startsAt", upper(period) as "endsAt", reason`,
    [clinicId, d.vetId, d.startDate, d.startTime ?? null, d.endDate, d.endTime ?? null, d.reason],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No clinic at that address.");
  return row;
}
