// What a client may see of an appointment, through every use-case a route calls (withUser: RLS and the
// session identity apply) against the real database: the staff note never reaches a client, whatever the
// path (book, reschedule, cancel, repeated cancel, list, calendar file, direct select), while staff keep it.
// A catalog check makes every public function that returns appointment rows go through the one shaper.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { convertBookingRequest } from "@/lib/appointments/convert-booking-request";
import { getAppointmentCalendarFile } from "@/lib/appointments/get-appointment-calendar-file";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { requestBooking } from "@/lib/appointments/request-booking";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { setAppointmentStatus } from "@/lib/appointments/set-appointment-status";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  setBookingRules,
  type TestOwner,
  type TestService,
} from "../helpers/appointment-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";

const TZ = "Europe/Madrid";
const NOTE = "staff only: owner was aggressive last visit";
let clinic: TestClinic;
let service: TestService;
let vet: TestUser;
let receptionist: TestUser;
let alice: TestOwner;
let day: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  await setBookingRules(clinic.id, { minNoticeMinutes: 0, maxDaysAhead: 60, changeWindowHours: 24 });
  service = await createService(clinic.id, { durationMinutes: 30 });
  vet = await createVet(clinic.id, { serviceIds: [service.id] });
  receptionist = await addStaff(clinic.id, "receptionist");
  alice = await createPetOwner(clinic.id);
  day = await localDateFromToday(TZ, 7);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const at = (time: string) => localInstant(TZ, day, time);

/** Booked by staff for alice, with the staff note on it. */
async function bookedWithNote(time: string) {
  const appt = await withUser(receptionist, async (db) =>
    bookAppointment(db, clinic.id, {
      petId: alice.petId,
      serviceId: service.id,
      clientId: alice.clientId,
      startsAt: (await at(time)).toISOString(),
      notes: NOTE,
    }),
  );
  expect(appt.notes).toBe(NOTE);
  return appt;
}

describe("appointments as a client sees them", () => {
  it("hides the staff note from a client's reschedule, including a 'move' to the same time", async () => {
    const appt = await bookedWithNote("09:00");
    const moved = await withUser(alice.user, async (db) =>
      rescheduleAppointment(db, appt.id, { startsAt: (await at("10:00")).toISOString() }),
    );
    expect(moved.startsAt).toEqual(await at("10:00"));
    expect(moved.notes).toBeNull();
    expect(JSON.stringify(moved)).not.toContain(NOTE);
    const same = await withUser(alice.user, async (db) =>
      rescheduleAppointment(db, appt.id, { startsAt: (await at("10:00")).toISOString() }),
    );
    expect(same.notes).toBeNull();
  });

  it("hides the staff note from a client's cancel and from a repeated cancel", async () => {
    const appt = await bookedWithNote("11:00");
    const cancelled = await withUser(alice.user, (db) => cancelAppointment(db, appt.id, { reason: "sick" }));
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.notes).toBeNull();
    const again = await withUser(alice.user, (db) => cancelAppointment(db, appt.id, { reason: "again" }));
    expect(again.notes).toBeNull();
    expect(JSON.stringify(again)).not.toContain(NOTE);
  });

  it("returns no note to a client who books with one, and the note stays for staff", async () => {
    const appt = await withUser(alice.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("12:00")).toISOString(),
        notes: "please be gentle",
      }),
    );
    expect(appt.notes).toBeNull();
    const staffView = await withUser(vet, (db) => setAppointmentStatus(db, appt.id, { status: "checked_in" }));
    expect(staffView.notes).toBe("please be gentle");
  });

  it("keeps the note out of the client's list and calendar file, and out of a direct select", async () => {
    const appt = await bookedWithNote("13:00");
    const from = (await at("00:00")).toISOString();
    const to = (await localInstant(TZ, await localDateFromToday(TZ, 8), "00:00")).toISOString();
    const mine = await withUser(alice.user, (db) => listAppointments(db, clinic.id, { from, to }));
    expect(mine.find((a) => a.id === appt.id)?.notes).toBeNull();
    const staffList = await withUser(receptionist, (db) => listAppointments(db, clinic.id, { from, to }));
    expect(staffList.find((a) => a.id === appt.id)?.notes).toBe(NOTE);
    const ics = await withUser(alice.user, (db) => getAppointmentCalendarFile(db, clinic.id, appt.id));
    expect(ics).not.toContain("aggressive");
    await expect(
      withUser(alice.user, (db) => db.query("select notes from public.appointments where id = $1", [appt.id])),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { rows } = await withUser(alice.user, (db) =>
      db.query("select id, status from public.appointments where id = $1", [appt.id]),
    );
    expect(rows).toHaveLength(1);
  });

  it("gives staff the whole row when they convert a client's request (the note becomes the staff note)", async () => {
    const request = await withUser(alice.user, (db) =>
      requestBooking(db, clinic.id, { petId: alice.petId, serviceId: service.id, note: "mornings please" }),
    );
    const appt = await withUser(receptionist, async (db) =>
      convertBookingRequest(db, request.id, { startsAt: (await at("14:00")).toISOString() }),
    );
    expect(appt.notes).toBe("mornings please");
    const moved = await withUser(alice.user, async (db) =>
      rescheduleAppointment(db, appt.id, { startsAt: (await at("15:00")).toISOString() }),
    );
    expect(moved.notes).toBeNull();
  });
});

describe("the one place that shapes appointment rows", () => {
  it("is used by every public function that returns public.appointments", async () => {
    const { rows } = await testPool().query<{ name: string; shaped: boolean }>(
      `select p.oid::regprocedure::text as name, p.prosrc like '%private.appointment_for_caller%' as shaped
         from pg_catalog.pg_proc p
        where p.pronamespace = 'public'::regnamespace and p.prorettype = 'public.appointments'::regtype`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((r) => !r.shaped).map((r) => r.name)).toEqual([]);
  });
});
