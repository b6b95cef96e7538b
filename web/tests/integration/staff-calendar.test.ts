// What the staff time grid is given for the days it shows, against the real database as a receptionist: time off
// and closed days in the part of the range already past as well as ahead, nothing from outside the range, and
// nothing of another clinic's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStaffCalendar } from "@/lib/appointments/get-staff-calendar";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { listAbsences } from "@/lib/schedules/list-absences";
import { createService, createVet, localInstant } from "../helpers/appointment-factories";
import { addDays, daysFromToday, isoWeekdayOf } from "../helpers/dates";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";

const TZ = "America/New_York";
let clinic: TestClinic;
let other: TestClinic;
let vet: TestUser;
let otherVet: TestUser;
let reception: TestUser;

async function timeOff(c: TestClinic, v: TestUser, date: string, from: string, to: string, reason: string) {
  await testPool().query(
    "insert into public.vet_time_off (clinic_id, vet_id, period, reason) values ($1, $2, tstzrange($3, $4), $5)",
    [c.id, v.userId, await localInstant(TZ, date, from), await localInstant(TZ, date, to), reason],
  );
}
async function closedOn(c: TestClinic, v: TestUser, date: string) {
  await testPool().query(
    "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind) values ($1, $2, $3, 'closed')",
    [c.id, v.userId, date],
  );
}

// a week whose Monday is at least two days ago, so its first days are past on any weekday
const monday = (() => {
  const twoDaysAgo = daysFromToday(-2, TZ);
  return addDays(twoDaysAgo, 1 - isoWeekdayOf(twoDaysAgo));
})();

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  other = await createClinic({ timeZone: TZ });
  const service = await createService(clinic.id);
  vet = await createVet(clinic.id, { serviceIds: [service.id] });
  const otherService = await createService(other.id);
  otherVet = await createVet(other.id, { serviceIds: [otherService.id] });
  reception = await addStaff(clinic.id, "receptionist");

  await timeOff(clinic, vet, monday, "10:00", "12:00", "Dentist");
  await closedOn(clinic, vet, addDays(monday, 1));
  await timeOff(clinic, vet, daysFromToday(-1, TZ), "14:00", "15:00", "Yesterday's errand");
  await timeOff(clinic, vet, daysFromToday(3, TZ), "09:00", "10:00", "Ahead");
  await timeOff(clinic, vet, addDays(monday, -7), "09:00", "17:00", "The week before");
  await closedOn(clinic, vet, addDays(monday, -6));
  // the other clinic's, on the same days: never shown here
  await timeOff(other, otherVet, monday, "09:00", "17:00", "Other clinic");
  await closedOn(other, otherVet, addDays(monday, 1));
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const calendar = (view: "day" | "week", date: string) =>
  withUser(reception, (db) => getStaffCalendar(db, { id: clinic.id, timeZone: TZ }, { view, date, vetId: null }));

describe("time off and closed days on the staff calendar", () => {
  it("shows those already past in the week shown, and nothing from the week before", async () => {
    const week = await calendar("week", monday);
    expect(week.columns.map((c) => c.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
    const reasons = week.columns.flatMap((c) => c.timeOff.map((o) => `${c.date} ${o.reason}`));
    expect(reasons).toContain(`${monday} Dentist`);
    expect(reasons.some((r) => r.includes("The week before") || r.includes("Other clinic"))).toBe(false);
    const mondayColumn = week.columns.find((c) => c.date === monday);
    expect(mondayColumn?.timeOff).toEqual([
      {
        startsAt: (await localInstant(TZ, monday, "10:00")).toISOString(),
        endsAt: (await localInstant(TZ, monday, "12:00")).toISOString(),
        reason: "Dentist",
      },
    ]);
    expect(week.columns.filter((c) => c.closed).map((c) => c.date)).toEqual([addDays(monday, 1)]);
    expect(week.columns.every((c) => c.vetId === vet.userId)).toBe(true);
  });

  it("shows yesterday's time off in the day view of yesterday, and time off ahead on its day", async () => {
    const yesterday = await calendar("day", daysFromToday(-1, TZ));
    expect(yesterday.columns[0]?.timeOff.map((o) => o.reason)).toEqual(["Yesterday's errand"]);
    const ahead = await calendar("day", daysFromToday(3, TZ));
    expect(ahead.columns[0]?.timeOff.map((o) => o.reason)).toEqual(["Ahead"]);
    const closed = await calendar("day", addDays(monday, 1));
    expect(closed.columns[0]?.closed).toBe(true);
  });

  it("gives another clinic's staff none of this clinic's absences, even asking by its id", async () => {
    const outsider = await addStaff(other.id, "receptionist");
    const range = {
      from: await localInstant(TZ, addDays(monday, -7), "00:00"),
      to: await localInstant(TZ, addDays(monday, 7), "00:00"),
      firstDate: addDays(monday, -7),
      lastDate: addDays(monday, 6),
    };
    const mine = await withUser(reception, (db) => listAbsences(db, clinic.id, range));
    expect(mine.timeOff.map((o) => o.reason)).toContain("Dentist");
    expect(await withUser(outsider, (db) => listAbsences(db, clinic.id, range))).toEqual({ timeOff: [], closed: [] });
  });
});
