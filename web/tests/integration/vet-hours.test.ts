// The staff calendar's "who works today": weekly hours, a date override (other hours, or closed) and time
// off, in the clinic's zone, from the same SQL as the slot logic (private.vet_free_time); staff only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listVetHours } from "@/lib/appointments/list-vet-hours";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import {
  createPetOwner,
  createVet,
  localDateFromToday,
  localInstant,
  type TestOwner,
} from "../helpers/appointment-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

const TZ = "America/New_York";
let clinic: TestClinic;
let other: TestClinic;
let vet: TestUser;
let receptionist: TestUser;
let owner: TestOwner;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  other = await createClinic({ timeZone: TZ });
  vet = await createVet(clinic.id, {
    hours: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
      { weekday, start: "09:00", end: "12:00" },
      { weekday, start: "13:00", end: "17:00" },
    ]),
  });
  receptionist = await addStaff(clinic.id, "receptionist");
  owner = await createPetOwner(clinic.id);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const hoursOn = async (date: string, user: TestUser = receptionist) =>
  ((await withUser(user, (db) => listVetHours(db, clinic.id, date))).get(vet.userId) ?? []).map((h) => [
    h.startsAt.toISOString(),
    h.endsAt.toISOString(),
  ]);
const span = async (date: string, from: string, to: string) => [
  (await localInstant(TZ, date, from)).toISOString(),
  (await localInstant(TZ, date, to)).toISOString(),
];

describe("vet hours on the calendar", () => {
  it("shows weekly hours, an override's hours instead, nothing on a closed day, and hours minus time off", async () => {
    const [plain, override, closed, off] = (await Promise.all(
      [20, 21, 22, 23].map((d) => localDateFromToday(TZ, d)),
    )) as [string, string, string, string];
    expect(await hoursOn(plain)).toEqual([await span(plain, "09:00", "12:00"), await span(plain, "13:00", "17:00")]);

    await testPool().query(
      "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time) values ($1, $2, $3, 'hours', '15:00', '20:00')",
      [clinic.id, vet.userId, override],
    );
    expect(await hoursOn(override)).toEqual([await span(override, "15:00", "20:00")]);

    await testPool().query(
      "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind) values ($1, $2, $3, 'closed')",
      [clinic.id, vet.userId, closed],
    );
    expect(await hoursOn(closed)).toEqual([]);

    await testPool().query(
      "insert into public.vet_time_off (clinic_id, vet_id, period, reason) values ($1, $2, tstzrange($3, $4), 'Dentist')",
      [clinic.id, vet.userId, await localInstant(TZ, off, "10:00"), await localInstant(TZ, off, "11:00")],
    );
    expect(await hoursOn(off)).toEqual([
      await span(off, "09:00", "10:00"),
      await span(off, "11:00", "12:00"),
      await span(off, "13:00", "17:00"),
    ]);
  });

  it("is for the clinic's staff only", async () => {
    const date = await localDateFromToday(TZ, 20);
    expect((await hoursOn(date, vet)).length).toBe(2);
    for (const user of [owner.user, other.owner]) {
      const err = await errorOf(withUser(user, (db) => listVetHours(db, clinic.id, date)));
      expect(err.code).toBe("FORBIDDEN");
    }
  });
});
