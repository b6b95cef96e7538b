// Staff read the schedules of the clinic's team: weekly hours, date overrides from a date on, and time off
// that has not ended. Times are wall-clock in the clinic's zone except time off, which is absolute.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { dateField, hhmm, idField } from "./schedule-fields";

export const getClinicScheduleSchema = z.object({
  vetId: idField.optional(),
  /** Overrides on or after this local date (default: today in the clinic's zone). */
  from: dateField.optional(),
});
export type GetClinicScheduleInput = z.input<typeof getClinicScheduleSchema>;

export interface WeeklyInterval {
  vetId: string;
  weekday: number;
  start: string;
  end: string;
}
export interface DateOverride {
  id: string;
  vetId: string;
  date: string;
  kind: "hours" | "closed";
  start: string | null;
  end: string | null;
  note: string | null;
}
export interface TimeOff {
  id: string;
  vetId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string | null;
}
export interface ClinicSchedule {
  weeklyHours: WeeklyInterval[];
  overrides: DateOverride[];
  timeOff: TimeOff[];
}

export async function getClinicSchedule(
  db: Db,
  clinicId: string,
  input: GetClinicScheduleInput = {},
): Promise<ClinicSchedule> {
  const { vetId, from } = parseWith(getClinicScheduleSchema, input);
  const params = [clinicId, vetId ?? null, from ?? null];
  const weekly = await db.query<{ vetId: string; weekday: number; start: string; end: string }>(
    `select vet_id as "vetId", weekday, start_time::text as start, end_time::text as "end"
       from public.vet_weekly_hours where clinic_id = $1 and ($2::uuid is null or vet_id = $2)
      order by vet_id, weekday, start_time`,
    params.slice(0, 2),
  );
  const overrides = await db.query<DateOverride>(
    `select o.id, o.vet_id as "vetId", o.on_date::text as date, o.kind, o.start_time::text as start, o.end_time::text as "end", o.note
       from public.vet_date_overrides o join public.clinics c on c.id = o.clinic_id
      where o.clinic_id = $1 and ($2::uuid is null or o.vet_id = $2)
        and o.on_date >= coalesce($3::date, (now() at time zone c.time_zone)::date)
      order by o.on_date, o.vet_id, o.start_time nulls first`,
    params,
  );
  const timeOff = await db.query<{ id: string; vetId: string; startsAt: Date; endsAt: Date; reason: string | null }>(
    `select id, vet_id as "vetId", lower(period) as "startsAt", upper(period) as "endsAt", reason
       from public.vet_time_off where clinic_id = $1 and ($2::uuid is null or vet_id = $2) and upper(period) > now()
      order by lower(period), vet_id`,
    params.slice(0, 2),
  );
  return {
    weeklyHours: weekly.rows.map((r) => ({ ...r, start: hhmm(r.start), end: hhmm(r.end) })),
    overrides: overrides.rows.map((r) => ({ ...r, start: r.start && hhmm(r.start), end: r.end && hhmm(r.end) })),
    timeOff: timeOff.rows,
  };
}
