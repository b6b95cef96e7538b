// A client's reschedule follows the rules a booking follows (confirmation where the clinic requires it; no
// moving a visit of a staff-only service), and a pet can hold only so many upcoming visits booked by its
// client (clinic-configurable), also when the bookings race on separate connections. Real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { setAppointmentStatus } from "@/lib/appointments/set-appointment-status";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { getBookingRules } from "@/lib/schedules/get-booking-rules";
import { updateBookingRules } from "@/lib/schedules/update-booking-rules";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  race,
  setBookingRules,
  type TestService,
} from "../helpers/appointment-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";

const TZ = "Europe/Madrid";
let clinic: TestClinic;
let service: TestService;
let staffOnly: TestService;
let receptionist: TestUser;
let day: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  await setBookingRules(clinic.id, { minNoticeMinutes: 0, maxDaysAhead: 60, changeWindowHours: 24 });
  service = await createService(clinic.id, { durationMinutes: 30 });
  staffOnly = await createService(clinic.id, { name: "Surgery", durationMinutes: 60, bookableOnline: false });
  await createVet(clinic.id, { serviceIds: [service.id, staffOnly.id] });
  await createVet(clinic.id, { serviceIds: [service.id] });
  receptionist = await addStaff(clinic.id, "receptionist");
  day = await localDateFromToday(TZ, 6);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const at = async (time: string) => (await localInstant(TZ, day, time)).toISOString();
const statusOf = async (id: string) =>
  (await testPool().query<{ status: string }>("select status from public.appointments where id = $1", [id])).rows[0]
    ?.status;
const requireConfirmation = (on: boolean) =>
  testPool().query("update public.clinic_booking_rules set require_confirmation = $2 where clinic_id = $1", [
    clinic.id,
    on,
  ]);

describe("a client's reschedule follows the booking rules", () => {
  it("sends a confirmed visit back to requested when the clinic requires confirmation; a staff move keeps it", async () => {
    const alice = await createPetOwner(clinic.id);
    await requireConfirmation(true);
    try {
      const booked = await withUser(alice.user, async (db) =>
        bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: service.id, startsAt: await at("09:00") }),
      );
      expect(booked.status).toBe("requested");
      await withUser(receptionist, (db) => setAppointmentStatus(db, booked.id, { status: "confirmed" }));

      const moved = await withUser(alice.user, async (db) =>
        rescheduleAppointment(db, booked.id, { startsAt: await at("10:00") }),
      );
      expect(moved.status).toBe("requested");
      expect(await statusOf(booked.id)).toBe("requested");

      await withUser(receptionist, (db) => setAppointmentStatus(db, booked.id, { status: "confirmed" }));
      const byStaff = await withUser(receptionist, async (db) =>
        rescheduleAppointment(db, booked.id, { startsAt: await at("11:00") }),
      );
      expect(byStaff.status).toBe("confirmed");
    } finally {
      await requireConfirmation(false);
    }
  });

  it("keeps a confirmed visit confirmed when the clinic does not require confirmation", async () => {
    const bob = await createPetOwner(clinic.id);
    const booked = await withUser(bob.user, async (db) =>
      bookAppointment(db, clinic.id, { petId: bob.petId, serviceId: service.id, startsAt: await at("09:30") }),
    );
    const moved = await withUser(bob.user, async (db) =>
      rescheduleAppointment(db, booked.id, { startsAt: await at("12:30") }),
    );
    expect(moved.status).toBe("confirmed");
  });

  it("refuses a client's move of a staff-only service; staff can still move it", async () => {
    const carol = await createPetOwner(clinic.id);
    const surgery = await withUser(receptionist, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: carol.petId,
        clientId: carol.clientId,
        serviceId: staffOnly.id,
        startsAt: await at("13:00"),
      }),
    );
    await expect(
      withUser(carol.user, async (db) => rescheduleAppointment(db, surgery.id, { startsAt: await at("15:00") })),
    ).rejects.toMatchObject({ code: "APPOINTMENT_NOT_CHANGEABLE", status: 409 });
    const { rows } = await testPool().query<{ starts_at: Date; sequence: number }>(
      "select starts_at, sequence from public.appointments where id = $1",
      [surgery.id],
    );
    expect(rows[0]).toEqual({ starts_at: new Date(await at("13:00")), sequence: 0 });
    const byStaff = await withUser(receptionist, async (db) =>
      rescheduleAppointment(db, surgery.id, { startsAt: await at("15:00") }),
    );
    expect(byStaff.startsAt).toEqual(new Date(await at("15:00")));
  });

  it("does not let staff send an appointment back to requested", async () => {
    const dan = await createPetOwner(clinic.id);
    const booked = await withUser(dan.user, async (db) =>
      bookAppointment(db, clinic.id, { petId: dan.petId, serviceId: service.id, startsAt: await at("14:00") }),
    );
    await expect(
      withUser(receptionist, (db) =>
        db.query("select * from public.set_appointment_status($1, 'requested')", [booked.id]),
      ),
    ).rejects.toMatchObject({ code: "INVALID_STATUS_TRANSITION", status: 422 });
    expect(await statusOf(booked.id)).toBe("confirmed");
  });
});

describe("upcoming visits per pet", () => {
  it("caps a client's bookings per pet at the clinic's limit with a 409 naming the pet; staff are not capped", async () => {
    const erin = await createPetOwner(clinic.id);
    await withUser(clinic.owner, async (db) =>
      updateBookingRules(db, clinic.id, { ...(await getBookingRules(db, clinic.id)), maxOpenAppointmentsPerPet: 2 }),
    );
    const book = (time: string, who: TestUser = erin.user) =>
      withUser(who, async (db) =>
        bookAppointment(db, clinic.id, {
          petId: erin.petId,
          clientId: who === erin.user ? null : erin.clientId,
          serviceId: service.id,
          startsAt: await at(time),
        }),
      );
    const first = await book("09:00");
    await book("10:00");
    await expect(book("11:00")).rejects.toMatchObject({
      code: "TOO_MANY_OPEN_APPOINTMENTS",
      status: 409,
      fields: { petId: [expect.stringContaining("2 upcoming")] },
    });
    expect((await book("11:00", receptionist)).status).toBe("confirmed");
    await withUser(erin.user, (db) => cancelAppointment(db, first.id, { reason: "plans changed" }));
    await expect(book("12:00")).rejects.toMatchObject({ code: "TOO_MANY_OPEN_APPOINTMENTS" });
  });

  it("applies a default of 3 when the clinic has not saved a limit", async () => {
    const other = await createClinic({ timeZone: TZ });
    const s = await createService(other.id, { durationMinutes: 30 });
    await createVet(other.id, { serviceIds: [s.id] });
    expect((await withUser(other.owner, (db) => getBookingRules(db, other.id))).maxOpenAppointmentsPerPet).toBe(3);
    const frank = await createPetOwner(other.id);
    // the default rules ask for 2 hours' notice; the day is 6 days ahead
    for (const time of ["09:00", "10:00", "11:00"])
      await withUser(frank.user, async (db) =>
        bookAppointment(db, other.id, { petId: frank.petId, serviceId: s.id, startsAt: await at(time) }),
      );
    await expect(
      withUser(frank.user, async (db) =>
        bookAppointment(db, other.id, { petId: frank.petId, serviceId: s.id, startsAt: await at("12:00") }),
      ),
    ).rejects.toMatchObject({ code: "TOO_MANY_OPEN_APPOINTMENTS" });
  });

  it("holds the limit when six bookings of one pet race on separate connections", async () => {
    const gus = await createPetOwner(clinic.id);
    await testPool().query(
      "update public.clinic_booking_rules set max_open_appointments_per_pet = 2 where clinic_id = $1",
      [clinic.id],
    );
    // a day no other test books, so every time is free and only the limit can refuse
    const raceDay = await localDateFromToday(TZ, 9);
    const times = await Promise.all(
      ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00"].map(async (t) =>
        (await localInstant(TZ, raceDay, t)).toISOString(),
      ),
    );
    const outcome = await race<{ id: string }>(
      times.map(() => gus.user),
      (i) => ({
        sql: "select id from public.book_appointment(p_clinic_id => $1, p_pet_id => $2, p_service_id => $3, p_starts_at => $4)",
        params: [clinic.id, gus.petId, service.id, times[i]],
      }),
    );
    expect(outcome.ok).toHaveLength(2);
    expect(outcome.errors.map((e) => `${e.message}: ${e.code}`)).toEqual(
      Array(4).fill("too_many_open_appointments: VT409"),
    );
    const { rows } = await testPool().query<{ n: number }>(
      "select count(*)::int as n from public.appointments where pet_id = $1 and status <> 'cancelled'",
      [gus.petId],
    );
    expect(rows[0]?.n).toBe(2);
  });
});
