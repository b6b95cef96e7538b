// Double booking is impossible under real concurrency: many separate connections, each signed in as a
// different person (RLS applies), fire book/reschedule/request at the same moment against the real
// Postgres. Every scenario runs ROUNDS times on fresh slots.
//
// What is the guard? Each racer's availability check (private.compute_slots) runs before the others have
// committed, so most racers see the slot as free. The booking functions then queue writers of one vet with
// an advisory lock (private.lock_vet_schedule, which stops racing inserts from deadlocking each other), but the check
// has already been made on a stale snapshot: only the exclusion constraint appointments_vet_no_overlap
// stops the second insert (and appointments_pet_no_overlap, one pet booked with two vets). The "guard" block below
// proves the constraint itself refuses overlapping raw
// INSERTs (23P01). To see these races fail without it, run this file with the constraint dropped:
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/load/booking-concurrency.test.ts
//
// (beforeAll then drops both constraints in this run's throwaway database). Verified on 2026-11-29 with the
// constraint dropped (and the per-vet lock in place): the raw-INSERT guard test failed (the overlapping
// insert was accepted); round 0 of the 50-racer test had 50 successes instead of 1; overlapping 10:00/10:15
// had 47; any-vet had 10 successes on 3 vets; both reschedule races let both sides through. Only the
// request dedupe test (a unique index, not the exclusion constraint) still passed. Never set the variable
// in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  race,
  setBookingRules,
  type TestOwner,
  type TestService,
} from "../helpers/appointment-factories";
import { closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { after, MINUTE } from "../helpers/dates";

const ROUNDS = 5;
const RACERS = 50;
const TZ = "Europe/Madrid";

let clinic: TestClinic;
let owners: TestOwner[];

beforeAll(async () => {
  if (process.env.VETE_PROVE_WITHOUT_GUARD === "1") {
    await testPool().query("alter table public.appointments drop constraint appointments_vet_no_overlap");
    await testPool().query("alter table public.appointments drop constraint appointments_pet_no_overlap");
  }
  clinic = await createClinic({ timeZone: TZ });
  await setBookingRules(clinic.id, { minNoticeMinutes: 0, maxDaysAhead: 365, granularity: 15, changeWindowHours: 0 });
  owners = [];
  for (let i = 0; i < RACERS; i++) owners.push(await createPetOwner(clinic.id));
});

afterAll(closeTestPool);

const bookSql = `select id, vet_id from public.book_appointment(p_clinic_id => $1, p_pet_id => $2, p_service_id => $3, p_starts_at => $4, p_vet_id => $5)`;

interface Booked {
  id: string;
  vet_id: string;
}

function bookAs(o: TestOwner, service: TestService, startsAt: Date, vetId: string | null) {
  return { sql: bookSql, params: [clinic.id, o.petId, service.id, startsAt, vetId] };
}

async function liveAppointments(vetIds: string[], from: Date, to: Date) {
  const { rows } = await testPool().query<{ id: string; vet_id: string; starts_at: Date }>(
    `select id, vet_id, starts_at from public.appointments
     where vet_id = any($1) and status not in ('cancelled', 'no_show') and starts_at < $3 and ends_at > $2 order by starts_at`,
    [vetIds, from, to],
  );
  return rows;
}

/** Books as staff-free setup: the owner books their own appointment through the function, alone. */
async function bookAlone(o: TestOwner, service: TestService, startsAt: Date, vetId: string): Promise<Booked> {
  const out = await race<Booked>([o.user], () => bookAs(o, service, startsAt, vetId));
  expect(out.errors).toEqual([]);
  return out.ok[0] as Booked;
}

const onlySlotTaken = (errors: { code?: string; message: string }[]) =>
  errors.every((e) => e.code === "VT409" && e.message === "slot_taken");

describe("the exclusion constraint is the guard", () => {
  it("refuses a raw INSERT that overlaps a live appointment of the same vet (23P01), bypassing every function", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30, bufferAfter: 10 });
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    const o = owners[0] as TestOwner;
    const day = await localDateFromToday(TZ, 40);
    const at = await localInstant(TZ, day, "10:00");
    const insert = (start: Date, status = "confirmed") =>
      testPool().query(
        `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_after_minutes, status)
         values ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '30 minutes', 10, $7)`,
        [clinic.id, o.clientId, o.petId, service.id, vet.userId, start, status],
      );
    await insert(at);
    // 10:35 starts inside the first appointment's 10-minute buffer after (blocked until 10:40)
    await expect(insert(after(at, 35 * MINUTE))).rejects.toMatchObject({
      code: "23P01",
      constraint: "appointments_vet_no_overlap",
    });
    // cancelled and no-show rows are outside the constraint and do not block
    await expect(insert(at, "cancelled")).resolves.toBeDefined();
    await expect(insert(after(at, 40 * MINUTE))).resolves.toBeDefined();
  });

  it("refuses a raw INSERT that puts one pet in two overlapping appointments with different vets (23P01)", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30, bufferAfter: 10 });
    const vetA = await createVet(clinic.id, { serviceIds: [service.id] });
    const vetB = await createVet(clinic.id, { serviceIds: [service.id] });
    const o = owners[1] as TestOwner;
    const at = await localInstant(TZ, await localDateFromToday(TZ, 41), "10:00");
    const insert = (vetId: string, start: Date, status = "confirmed") =>
      testPool().query(
        `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_after_minutes, status)
         values ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '30 minutes', 10, $7)`,
        [clinic.id, o.clientId, o.petId, service.id, vetId, start, status],
      );
    await insert(vetA.userId, at);
    await expect(insert(vetB.userId, after(at, 15 * MINUTE))).rejects.toMatchObject({
      code: "23P01",
      constraint: "appointments_pet_no_overlap",
    });
    // the vet's buffer is not the pet's: back to back with another vet is fine, and cancelled rows do not block
    await expect(insert(vetB.userId, after(at, 30 * MINUTE))).resolves.toBeDefined();
    await expect(insert(vetB.userId, at, "cancelled")).resolves.toBeDefined();
  });
});

describe("racing bookings", () => {
  it(`lets exactly one of ${RACERS} clients book the same vet slot; the rest get slot_taken`, async () => {
    const service = await createService(clinic.id, { durationMinutes: 30, bufferBefore: 5, bufferAfter: 5 });
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    for (let round = 0; round < ROUNDS; round++) {
      const at = await localInstant(TZ, await localDateFromToday(TZ, 3 + round), "10:00");
      const out = await race<Booked>(
        owners.map((o) => o.user),
        (i) => bookAs(owners[i] as TestOwner, service, at, vet.userId),
      );
      expect(out.ok, `round ${round}`).toHaveLength(1);
      expect(out.errors, `round ${round}`).toHaveLength(RACERS - 1);
      expect(onlySlotTaken(out.errors), JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      expect(await liveAppointments([vet.userId], at, after(at, 30 * MINUTE))).toHaveLength(1);
    }
  });

  it("lets exactly one of overlapping-but-different slots win (10:00 vs 10:15 for a 30 minute service)", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30 });
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    for (let round = 0; round < ROUNDS; round++) {
      const day = await localDateFromToday(TZ, 10 + round);
      const at1000 = await localInstant(TZ, day, "10:00");
      const at1015 = await localInstant(TZ, day, "10:15");
      const out = await race<Booked>(
        owners.map((o) => o.user),
        (i) => bookAs(owners[i] as TestOwner, service, i % 2 ? at1015 : at1000, vet.userId),
      );
      expect(out.ok, `round ${round}`).toHaveLength(1);
      expect(onlySlotTaken(out.errors), JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      expect(await liveAppointments([vet.userId], at1000, after(at1015, 30 * MINUTE))).toHaveLength(1);
    }
  });

  it("with any vet, 10 racers and 3 vets: exactly 3 succeed, each on a different vet", async () => {
    const service = await createService(clinic.id, { durationMinutes: 20 });
    const vets: TestUser[] = [];
    for (let i = 0; i < 3; i++) vets.push(await createVet(clinic.id, { serviceIds: [service.id] }));
    const vetIds = vets.map((v) => v.userId);
    for (let round = 0; round < ROUNDS; round++) {
      const at = await localInstant(TZ, await localDateFromToday(TZ, 17 + round), "09:30");
      const racers = owners.slice(0, 10);
      const out = await race<Booked>(
        racers.map((o) => o.user),
        (i) => bookAs(racers[i] as TestOwner, service, at, null),
      );
      expect(out.ok, `round ${round}: ${JSON.stringify(out.errors.slice(0, 3))}`).toHaveLength(3);
      expect(new Set(out.ok.map((b) => b.vet_id))).toEqual(new Set(vetIds));
      expect(out.errors).toHaveLength(7);
      expect(onlySlotTaken(out.errors), JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      expect(await liveAppointments(vetIds, at, after(at, 20 * MINUTE))).toHaveLength(3);
    }
  });

  it("lets one pet be booked only once when 6 bookings with 6 different vets race (10:00 and 10:15); the rest get pet_busy", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30 });
    const vets: TestUser[] = [];
    for (let i = 0; i < 6; i++) vets.push(await createVet(clinic.id, { serviceIds: [service.id] }));
    for (let round = 0; round < ROUNDS; round++) {
      const o = owners[20 + round] as TestOwner;
      const day = await localDateFromToday(TZ, 38 + round);
      const at1000 = await localInstant(TZ, day, "10:00");
      const at1015 = await localInstant(TZ, day, "10:15");
      const out = await race<Booked>(
        vets.map(() => o.user),
        (i) => bookAs(o, service, i % 2 ? at1015 : at1000, (vets[i] as TestUser).userId),
      );
      expect(out.ok, `round ${round}: ${JSON.stringify(out.errors.slice(0, 3))}`).toHaveLength(1);
      expect(
        out.errors.every((e) => e.code === "VT409" && e.message === "pet_busy"),
        JSON.stringify(out.errors.slice(0, 3)),
      ).toBe(true);
      const { rows } = await testPool().query(
        "select count(*)::int as n from public.appointments where pet_id = $1 and status not in ('cancelled', 'no_show') and starts_at < $3 and ends_at > $2",
        [o.petId, at1000, after(at1015, 30 * MINUTE)],
      );
      expect(rows[0].n).toBe(1);
    }
  });
});

const rescheduleSql = `select id, vet_id from public.reschedule_appointment(p_appointment_id => $1, p_starts_at => $2)`;

async function appointmentState(id: string) {
  const { rows } = await testPool().query<{ starts_at: Date; sequence: number; status: string }>(
    "select starts_at, sequence, status from public.appointments where id = $1",
    [id],
  );
  return rows[0];
}

describe("racing reschedules", () => {
  it("lets only one of two reschedules into the same slot win; the loser's appointment is unchanged", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30 });
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    const [a, b] = owners as [TestOwner, TestOwner];
    for (let round = 0; round < ROUNDS; round++) {
      const day = await localDateFromToday(TZ, 24 + round);
      const target = await localInstant(TZ, day, "11:00");
      const apptA = await bookAlone(a, service, await localInstant(TZ, day, "14:00"), vet.userId);
      const apptB = await bookAlone(b, service, await localInstant(TZ, day, "15:00"), vet.userId);
      const beforeA = await appointmentState(apptA.id);
      const beforeB = await appointmentState(apptB.id);
      const ids = [apptA.id, apptB.id];
      const out = await race<Booked>([a.user, b.user], (i) => ({ sql: rescheduleSql, params: [ids[i], target] }));
      expect(out.ok, `round ${round}`).toHaveLength(1);
      expect(onlySlotTaken(out.errors), JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      const winner = (out.ok[0] as Booked).id;
      const loser = winner === apptA.id ? apptB.id : apptA.id;
      expect((await appointmentState(winner))?.starts_at).toEqual(target);
      expect(await appointmentState(loser)).toEqual(loser === apptA.id ? beforeA : beforeB);
      expect(await liveAppointments([vet.userId], target, after(target, 30 * MINUTE))).toHaveLength(1);
    }
  });

  it("lets only one of a reschedule and a booking into the same slot win; the loser's state is unchanged", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30 });
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    const [a, c] = [owners[2], owners[3]] as [TestOwner, TestOwner];
    const winners = { reschedule: 0, booking: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const day = await localDateFromToday(TZ, 31 + round);
      const target = await localInstant(TZ, day, "12:00");
      const appt = await bookAlone(a, service, await localInstant(TZ, day, "16:00"), vet.userId);
      const before = await appointmentState(appt.id);
      const out = await race<Booked>([a.user, c.user], (i) =>
        i === 0 ? { sql: rescheduleSql, params: [appt.id, target] } : bookAs(c, service, target, vet.userId),
      );
      expect(out.ok, `round ${round}`).toHaveLength(1);
      expect(onlySlotTaken(out.errors), JSON.stringify(out.errors.slice(0, 3))).toBe(true);
      const live = await liveAppointments([vet.userId], target, after(target, 30 * MINUTE));
      expect(live).toHaveLength(1);
      if ((out.ok[0] as Booked).id === appt.id) {
        winners.reschedule++;
      } else {
        winners.booking++;
        expect(await appointmentState(appt.id)).toEqual(before);
      }
    }
    expect(winners.reschedule + winners.booking).toBe(ROUNDS);
  });
});

describe("racing booking requests", () => {
  it("turns 10 concurrent duplicate requests into one open request, returned to every caller", async () => {
    const service = await createService(clinic.id, { durationMinutes: 30 });
    await createVet(clinic.id, { serviceIds: [service.id] });
    for (let round = 0; round < ROUNDS; round++) {
      const o = owners[10 + round] as TestOwner;
      const out = await race<{ id: string; status: string }>(
        Array.from({ length: 10 }, () => o.user),
        () => ({
          sql: `select id, status from public.request_booking(p_clinic_id => $1, p_pet_id => $2, p_service_id => $3, p_time_of_day => 'morning', p_note => 'any day')`,
          params: [clinic.id, o.petId, service.id],
        }),
      );
      expect(out.errors, `round ${round}`).toEqual([]);
      expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
      const { rows } = await testPool().query(
        "select id from public.booking_requests where pet_id = $1 and service_id = $2",
        [o.petId, service.id],
      );
      expect(rows).toHaveLength(1);
    }
  });
});
