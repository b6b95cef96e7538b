// Availability in the clinic's zone across daylight-saving switches. Working hours are wall-clock times
// turned into instants per local date ((date + time) at time zone tz), so 09:00 stays 09:00 local while
// the UTC offset changes. Hours that touch the missing or repeated hour follow PostgreSQL's rule (see
// documentation/appointments.md): a local time in the spring-forward gap is read with the offset before
// the switch (02:30 EST = 03:30 EDT); a repeated local time in the fall-back overlap is read with the offset
// after it (01:30 = 01:30 EST, the later instant).
// Most cases call the core private.compute_slots (shared by the slot list and the booking functions) with an
// explicit window on the 2026 switch dates; one case goes through the public use-case, which only lists future
// times, on New York's next switch (computed from today, so it never becomes a date in the past).
import { afterAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { listAvailableSlots } from "@/lib/appointments/list-available-slots";
import { createService, createVet, everyDay, setBookingRules } from "../helpers/appointment-factories";
import { addDays, localTimeAt, nextOffsetChange } from "../helpers/dates";
import { closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

interface Setup {
  clinicId: string;
  serviceId: string;
  vetId: string;
  tz: string;
}

async function setup(tz: string, hours = everyDay("09:00", "17:00")): Promise<Setup> {
  const clinic = await createClinic({ timeZone: tz });
  await setBookingRules(clinic.id, { granularity: 15, maxDaysAhead: 730, minNoticeMinutes: 0 });
  const service = await createService(clinic.id, { durationMinutes: 30 });
  const vet = await createVet(clinic.id, { serviceIds: [service.id], hours });
  return { clinicId: clinic.id, serviceId: service.id, vetId: vet.userId, tz };
}

/** Slots (UTC ISO strings) for local dates [fromDate, toDate] inclusive, from the core function. */
async function slots(s: Setup, fromDate: string, toDate: string): Promise<string[]> {
  const { rows } = await testPool().query<{ starts_at: Date }>(
    `select starts_at from private.compute_slots($1, $2, $3,
       tstzrange(($4::date + time '00:00') at time zone $6, ($5::date + 1 + time '00:00') at time zone $6))
     order by starts_at`,
    [s.clinicId, s.serviceId, s.vetId, fromDate, toDate, s.tz],
  );
  return rows.map((r) => r.starts_at.toISOString());
}

async function addOverride(s: Setup, date: string, start: string, end: string) {
  await testPool().query(
    "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time) values ($1, $2, $3, 'hours', $4, $5)",
    [s.clinicId, s.vetId, date, start, end],
  );
}

const firstOfDay = (all: string[], utcDay: string) => all.find((iso) => iso.startsWith(utcDay));
const perDay = (all: string[], utcDay: string) => all.filter((iso) => iso.startsWith(utcDay)).length;

// 09:00-17:00 with a 30 minute service on a 15 minute grid: 09:00 .. 16:30 = 31 starts a day.
const FULL_DAY = 31;

describe("a vet working 09:00-17:00 local gets slots from 09:00 local on both sides of a switch", () => {
  it.each([
    // zone, day before, switch day, day after, first slot UTC before / on / after
    ["America/New_York", "2026-03-07", "2026-03-08", "2026-03-09", "T14:00", "T13:00", "T13:00"],
    ["America/New_York", "2026-10-31", "2026-11-01", "2026-11-02", "T13:00", "T14:00", "T14:00"],
    ["Europe/Madrid", "2026-03-28", "2026-03-29", "2026-03-30", "T08:00", "T07:00", "T07:00"],
    ["Europe/Madrid", "2026-10-24", "2026-10-25", "2026-10-26", "T07:00", "T08:00", "T08:00"],
    ["Asia/Tokyo", "2026-03-07", "2026-03-08", "2026-03-09", "T00:00", "T00:00", "T00:00"],
    ["America/Argentina/Buenos_Aires", "2026-10-24", "2026-10-25", "2026-10-26", "T12:00", "T12:00", "T12:00"],
  ])("%s around %s", async (tz, before, day, after, utcBefore, utcDay, utcAfter) => {
    const s = await setup(tz);
    const all = await slots(s, before, after);
    expect(firstOfDay(all, before)).toBe(`${before}${utcBefore}:00.000Z`);
    expect(firstOfDay(all, day)).toBe(`${day}${utcDay}:00.000Z`);
    expect(firstOfDay(all, after)).toBe(`${after}${utcAfter}:00.000Z`);
    expect(all).toHaveLength(3 * FULL_DAY);
    for (const d of [before, day, after]) expect(perDay(all, d)).toBe(FULL_DAY);
  });
});

describe("hours touching the missing or repeated hour", () => {
  it("New York spring forward: 01:00-04:00 lasts two real hours and offers no 02:xx start", async () => {
    const s = await setup("America/New_York", []);
    await addOverride(s, "2026-03-08", "01:00", "04:00");
    // 01:00 EST = 06:00Z; 04:00 EDT = 08:00Z. Local starts 01:00..01:45 EST, then 03:00..03:30 EDT.
    expect(await slots(s, "2026-03-08", "2026-03-08")).toEqual(
      ["06:00", "06:15", "06:30", "06:45", "07:00", "07:15", "07:30"].map((t) => `2026-03-08T${t}:00.000Z`),
    );
  });

  it("New York spring forward: hours starting inside the gap are read with the offset before the switch", async () => {
    const s = await setup("America/New_York", []);
    await addOverride(s, "2026-03-08", "02:30", "03:00"); // 07:30Z .. 07:00Z: empty, no slot
    await addOverride(s, "2026-03-08", "02:30", "04:00"); // 02:30 EST = 03:30 EDT = 07:30Z .. 08:00Z
    expect(await slots(s, "2026-03-08", "2026-03-08")).toEqual(["2026-03-08T07:30:00.000Z"]);
  });

  it("New York fall back: 00:00-03:00 lasts four real hours and offers 01:00 twice (EDT and EST)", async () => {
    const s = await setup("America/New_York", []);
    await addOverride(s, "2026-11-01", "00:00", "03:00");
    const all = await slots(s, "2026-11-01", "2026-11-01");
    // 00:00 EDT = 04:00Z .. 03:00 EST = 08:00Z; last 30 minute start 07:30Z
    expect(all[0]).toBe("2026-11-01T04:00:00.000Z");
    expect(all.at(-1)).toBe("2026-11-01T07:30:00.000Z");
    expect(all).toHaveLength(15);
    expect(all).toContain("2026-11-01T05:00:00.000Z"); // 01:00 EDT
    expect(all).toContain("2026-11-01T06:00:00.000Z"); // 01:00 EST
  });

  it("Madrid spring forward: 01:00-04:00 lasts two real hours (no 02:xx)", async () => {
    const s = await setup("Europe/Madrid", []);
    await addOverride(s, "2026-03-29", "01:00", "04:00");
    const all = await slots(s, "2026-03-29", "2026-03-29");
    // 01:00 CET = 00:00Z .. 04:00 CEST = 02:00Z
    expect(all).toEqual(
      ["00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30"].map((t) => `2026-03-29T${t}:00.000Z`),
    );
  });

  it("Madrid fall back: 01:00-04:00 lasts four real hours, 02:00 offered as CEST and as CET", async () => {
    const s = await setup("Europe/Madrid", []);
    await addOverride(s, "2026-10-25", "01:00", "04:00");
    const all = await slots(s, "2026-10-25", "2026-10-25");
    // 01:00 CEST = 23:00Z on the 24th .. 04:00 CET = 03:00Z
    expect(all[0]).toBe("2026-10-24T23:00:00.000Z");
    expect(all.at(-1)).toBe("2026-10-25T02:30:00.000Z");
    expect(all).toHaveLength(15);
    expect(all).toContain("2026-10-25T00:00:00.000Z"); // 02:00 CEST
    expect(all).toContain("2026-10-25T01:00:00.000Z"); // 02:00 CET
  });

  it("an appointment across the gap blocks by real elapsed time, not by wall-clock difference", async () => {
    const s = await setup("America/New_York", []);
    await addOverride(s, "2026-03-08", "01:00", "04:00");
    const owner = await createUser();
    const { rows } = await testPool().query<{ id: string }>(
      "insert into public.clients (clinic_id, user_id, full_name) values ($1, $2, 'Owner') returning id",
      [s.clinicId, owner.userId],
    );
    const clientId = (rows[0] as { id: string }).id;
    const pet = await testPool().query<{ id: string }>(
      "insert into public.pets (clinic_id, client_id, name, species) values ($1, $2, 'Rex', 'dog') returning id",
      [s.clinicId, clientId],
    );
    // 01:45 EST .. 03:15 EDT is 30 real minutes (06:45Z-07:15Z)
    await testPool().query(
      `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at)
       values ($1, $2, $3, $4, $5, '2026-03-08T06:45:00Z', '2026-03-08T07:15:00Z')`,
      [s.clinicId, clientId, pet.rows[0]?.id, s.serviceId, s.vetId],
    );
    expect(await slots(s, "2026-03-08", "2026-03-08")).toEqual(
      ["06:00", "06:15", "07:15", "07:30"].map((t) => `2026-03-08T${t}:00.000Z`),
    );
  });
});

describe("through the public slot list (the zone's next switch, always in the future)", () => {
  it("New York: 09:00 local follows the UTC offset from the day before the next switch to the day of it", async () => {
    const change = nextOffsetChange("America/New_York");
    if (!change) throw new Error("New York has no daylight-saving switch in the next 400 days");
    const dayBefore = addDays(change.date, -1);
    const s = await setup("America/New_York");
    const client = await createUser();
    await testPool().query("insert into public.clients (clinic_id, user_id, full_name) values ($1, $2, 'Client')", [
      s.clinicId,
      client.userId,
    ]);
    const list = await withUser(client, (db) =>
      listAvailableSlots(db, s.clinicId, { serviceId: s.serviceId, from: dayBefore, to: change.date }),
    );
    const iso = list.map((x) => x.startsAt.toISOString());
    // in 2027 (spring forward): 14:00Z on 2027-03-13 and 13:00Z on 2027-03-14
    expect(iso[0]).toBe(localTimeAt(dayBefore, "09:00", change.offsetBefore).toISOString());
    expect(iso.find((x) => x.startsWith(change.date))).toBe(
      localTimeAt(change.date, "09:00", change.offsetAfter).toISOString(),
    );
    expect(list).toHaveLength(2 * FULL_DAY);
    expect(list.every((x) => x.vetId === s.vetId && x.endsAt.getTime() - x.startsAt.getTime() === 30 * 60_000)).toBe(
      true,
    );
  });
});
