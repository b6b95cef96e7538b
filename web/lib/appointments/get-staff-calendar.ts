// What the staff time grid shows: the day's columns (one per vet) or one vet's week (one per day), each with
// the working time the slot logic uses, time off and closed days, and the appointments with their buffers.
// Plain JSON-ready values: the grid itself is drawn in the browser from the clinic's zone and slot step.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { addDays, isoWeekday } from "@/lib/format/time";
import { parseWith } from "@/lib/validation/parse";
import { getBookingRules } from "@/lib/schedules/get-booking-rules";
import { listAbsences } from "@/lib/schedules/list-absences";
import { dateField, idField } from "./appointment-record";
import { zonedInstant } from "./calendar-grid";
import { listAppointments } from "./list-appointments";
import { listServiceVets } from "./list-service-vets";
import { listVetHours } from "./list-vet-hours";
import type { AppointmentStatus } from "./rpc-types";

export const getStaffCalendarSchema = z.strictObject({
  view: z.enum(["day", "week"]),
  date: dateField,
  vetId: idField.nullable(),
});
export type GetStaffCalendarInput = z.input<typeof getStaffCalendarSchema>;

export interface CalendarSpan {
  startsAt: string;
  endsAt: string;
}
export interface CalendarColumnData {
  vetId: string;
  vetName: string;
  date: string;
  hours: CalendarSpan[];
  timeOff: (CalendarSpan & { reason: string | null })[];
  closed: boolean;
}
export interface CalendarAppointment extends CalendarSpan {
  id: string;
  status: AppointmentStatus;
  vetId: string;
  vetName: string;
  serviceName: string;
  petName: string;
  clientName: string;
  notes: string | null;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}
export interface StaffCalendar {
  view: "day" | "week";
  /** The first day shown (the Monday in the week view). */
  first: string;
  days: string[];
  stepMinutes: number;
  vets: { id: string; name: string }[];
  /** The vet the week view shows (the first vet when none was asked for); null in the day view unless filtered. */
  vetId: string | null;
  columns: CalendarColumnData[];
  appointments: CalendarAppointment[];
}

export async function getStaffCalendar(
  db: Db,
  clinic: { id: string; timeZone: string },
  input: GetStaffCalendarInput,
): Promise<StaffCalendar> {
  const { view, date, vetId: askedVet } = parseWith(getStaffCalendarSchema, input);
  const first = view === "week" ? addDays(date, 1 - isoWeekday(date)) : date;
  const days = view === "week" ? Array.from({ length: 7 }, (_, i) => addDays(first, i)) : [first];
  const last = days[days.length - 1] ?? first;
  const from = zonedInstant(first, 0, clinic.timeZone);
  const to = zonedInstant(addDays(last, 1), 0, clinic.timeZone);

  const [rules, serviceVets, absences] = [
    await getBookingRules(db, clinic.id),
    await listServiceVets(db, clinic.id),
    // all of the range, the part already past as well
    await listAbsences(db, clinic.id, { from, to, firstDate: first, lastDate: last }),
  ];
  const all = await listAppointments(db, clinic.id, { from: from.toISOString(), to: to.toISOString() });
  const names = new Map<string, string>();
  for (const v of serviceVets) names.set(v.vetId, v.vetName);
  for (const a of all) names.set(a.vetId, a.vetName);
  const vets = [...names.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const known = askedVet && names.has(askedVet) ? askedVet : null;
  const vetId = view === "week" ? (known ?? vets[0]?.id ?? null) : known;
  const shownVets = vets.filter((v) => !vetId || v.id === vetId);

  const hoursByDay = new Map<string, Awaited<ReturnType<typeof listVetHours>>>();
  for (const d of days) hoursByDay.set(d, await listVetHours(db, clinic.id, d));
  const iso = (d: Date) => d.toISOString();
  const columns: CalendarColumnData[] = [];
  for (const d of days) {
    const dayStart = zonedInstant(d, 0, clinic.timeZone).getTime();
    const dayEnd = zonedInstant(addDays(d, 1), 0, clinic.timeZone).getTime();
    for (const v of shownVets) {
      columns.push({
        vetId: v.id,
        vetName: v.name,
        date: d,
        hours: (hoursByDay.get(d)?.get(v.id) ?? []).map((h) => ({ startsAt: iso(h.startsAt), endsAt: iso(h.endsAt) })),
        timeOff: absences.timeOff
          .filter((o) => o.vetId === v.id && o.startsAt.getTime() < dayEnd && o.endsAt.getTime() > dayStart)
          .map((o) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt), reason: o.reason })),
        closed: absences.closed.some((o) => o.vetId === v.id && o.date === d),
      });
    }
  }

  const shown = all.filter((a) => !vetId || a.vetId === vetId);
  const buffers = new Map<string, { before: number; after: number }>();
  if (shown.length > 0) {
    const { rows } = await db.query<{ id: string; before: number; after: number }>(
      `select id, buffer_before_minutes as before, buffer_after_minutes as after
         from public.appointments where clinic_id = $1 and id = any($2::uuid[])`,
      [clinic.id, shown.map((a) => a.id)],
    );
    for (const r of rows) buffers.set(r.id, { before: r.before, after: r.after });
  }
  const appointments = shown.map((a) => ({
    id: a.id,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    status: a.status,
    vetId: a.vetId,
    vetName: a.vetName,
    serviceName: a.serviceName,
    petName: a.petName,
    clientName: a.clientName,
    notes: a.notes,
    bufferBeforeMinutes: buffers.get(a.id)?.before ?? 0,
    bufferAfterMinutes: buffers.get(a.id)?.after ?? 0,
  }));
  return { view, first, days, stepMinutes: rules.slotGranularityMinutes, vets, vetId, columns, appointments };
}
