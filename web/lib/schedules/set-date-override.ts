// Sets one vet's hours for one local date, replacing the weekly hours that day: either closed, or a list
// of intervals (extra hours on a Saturday, a shorter day). Setting it again replaces the earlier override.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { dateField, idField, intervalSchema, requireScheduleEditor, shortNoteField } from "./schedule-fields";

export const setDateOverrideSchema = z
  .strictObject({
    vetId: idField,
    date: dateField,
    closed: z.boolean().default(false),
    intervals: z.array(intervalSchema).max(10, "At most 10 intervals.").default([]),
    note: shortNoteField,
  })
  .refine((v) => v.closed || v.intervals.length > 0, {
    message: "Add at least one interval, or mark the day closed.",
    path: ["intervals"],
  });
export type SetDateOverrideInput = z.input<typeof setDateOverrideSchema>;

export async function setDateOverride(
  db: Db,
  clinicId: string,
  input: SetDateOverrideInput,
): Promise<{ date: string }> {
  const d = parseWith(setDateOverrideSchema, input);
  await requireScheduleEditor(db, clinicId, d.vetId);
  await db.query("delete from public.vet_date_overrides where clinic_id = $1 and vet_id = $2 and on_date = $3", [
    clinicId,
    d.vetId,
    d.date,
  ]);
  if (d.closed) {
    await db.query(
      "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, note) values ($1, $2, $3, 'closed', $4)",
      [clinicId, d.vetId, d.date, d.note],
    );
  } else {
    await db.query(
      `insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time, note)
       select $1, $2, $3, 'hours', s::time, e::time, $6 from unnest($4::text[], $5::text[]) as t(s, e)`,
      [clinicId, d.vetId, d.date, d.intervals.map((i) => i.start), d.intervals.map((i) => i.end), d.note],
    );
  }
  return { date: d.date };
}
