// The time off and closed days that touch a range, past or future: what the staff calendar marks on the days it
// shows. (getClinicSchedule is the schedule editor's view: only time off that has not ended yet.)
import "server-only";
import type { Db } from "@/lib/db/types";

export interface Absences {
  timeOff: { vetId: string; startsAt: Date; endsAt: Date; reason: string | null }[];
  /** Closed days by vet, as local dates. */
  closed: { vetId: string; date: string }[];
}

/** Time off overlapping [from, to) and closed-day overrides on the local dates firstDate..lastDate. */
export async function listAbsences(
  db: Db,
  clinicId: string,
  range: { from: Date; to: Date; firstDate: string; lastDate: string },
): Promise<Absences> {
  const timeOff = await db.query<Absences["timeOff"][number]>(
    `select vet_id as "vetId", lower(period) as "startsAt", upper(period) as "endsAt", reason
       from public.vet_time_off
      where clinic_id = $1 and period && tstzrange($2::timestamptz, $3::timestamptz, '[)')
      order by lower(period), vet_id`,
    [clinicId, range.from.toISOString(), range.to.toISOString()],
  );
  const closed = await db.query<Absences["closed"][number]>(
    `select vet_id as "vetId", on_date::text as date
       from public.vet_date_overrides
      where clinic_id = $1 and kind = 'closed' and on_date between $2::date and $3::date
      order by on_date, vet_id`,
    [clinicId, range.firstDate, range.lastDate],
  );
  return { timeOff: timeOff.rows, closed: closed.rows };
}
