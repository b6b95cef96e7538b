// Booking, rescheduling, cancelling and status changes through the use-cases the routes will call
// (withUser, so RLS and the session identity apply), against the real Postgres. Each refusal is checked by
// its stable error code and, where it matters, by looking at the rows afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { cancelAppointment } from "@/lib/appointments/cancel-appointment";
import { getAppointmentCalendarFile } from "@/lib/appointments/get-appointment-calendar-file";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { listAvailableSlots } from "@/lib/appointments/list-available-slots";
import { rescheduleAppointment } from "@/lib/appointments/reschedule-appointment";
import { setAppointmentStatus } from "@/lib/appointments/set-appointment-status";
import { asAnonymous, withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
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
import { after, fromNow, HOUR } from "../helpers/dates";

const TZ = "America/New_York";
let clinic: TestClinic;
let other: TestClinic;
let service: TestService;
let staffOnly: TestService;
let vet: TestUser;
let otherVet: TestUser;
let receptionist: TestUser;
let alice: TestOwner;
let bob: TestOwner;
let day: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ, name: "Vete Brooklyn", email: "hello@brooklyn.vete.test" });
  other = await createClinic({ timeZone: TZ });
  await setBookingRules(clinic.id, { minNoticeMinutes: 120, maxDaysAhead: 30, granularity: 15, changeWindowHours: 24 });
  service = await createService(clinic.id, {
    name: "Vaccination",
    durationMinutes: 30,
    bufferAfter: 10,
    instructions: "Bring the vaccination card",
  });
  staffOnly = await createService(clinic.id, { name: "Surgery", durationMinutes: 60, bookableOnline: false });
  vet = await createVet(clinic.id, { serviceIds: [service.id, staffOnly.id], name: "Dr Ana Vega" });
  otherVet = await createVet(clinic.id, { serviceIds: [staffOnly.id] });
  receptionist = await addStaff(clinic.id, "receptionist");
  alice = await createPetOwner(clinic.id);
  bob = await createPetOwner(clinic.id, { locale: "es" });
  day = await localDateFromToday(TZ, 5);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function expectCode(p: Promise<unknown>, code: string, status?: number): Promise<AppError> {
  const err = await p.then(
    () => {
      throw new Error(`expected ${code}, but it succeeded`);
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  if (status) expect((err as AppError).status).toBe(status);
  return err as AppError;
}

const at = (time: string, date = day) => localInstant(TZ, date, time);

async function row(id: string) {
  const { rows } = await testPool().query(
    "select status, starts_at, sequence, cancel_reason from public.appointments where id = $1",
    [id],
  );
  return rows[0] as { status: string; starts_at: Date; sequence: number; cancel_reason: string | null };
}

describe("booking", () => {
  it("books a listed slot, removes it from the list, and writes the outbox row with an .ics attachment", async () => {
    const slots = await withUser(alice.user, (db) =>
      listAvailableSlots(db, clinic.id, { serviceId: service.id, from: day, to: day }),
    );
    const nine = await at("09:00");
    expect(slots[0]).toMatchObject({ vetId: vet.userId, vetName: "Dr Ana Vega", startsAt: nine });
    const appt = await withUser(alice.user, (db) =>
      bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: service.id, startsAt: nine.toISOString() }),
    );
    expect(appt).toMatchObject({ vetId: vet.userId, status: "confirmed", clientId: alice.clientId, sequence: 0 });
    expect(appt.endsAt.getTime() - appt.startsAt.getTime()).toBe(30 * 60_000);

    const after = await withUser(alice.user, (db) =>
      listAvailableSlots(db, clinic.id, { serviceId: service.id, from: day, to: day }),
    );
    // 09:00-09:30 plus a 10 minute buffer after: the next start is 09:45
    expect(after[0]?.startsAt).toEqual(await at("09:45"));

    const { rows } = await testPool().query("select * from public.outbox_messages where dedupe_key = $1", [
      `appointment.booked:${appt.id}`,
    ]);
    expect(rows).toHaveLength(1);
    const msg = rows[0];
    expect(msg).toMatchObject({
      template: "appointment.booked",
      recipient: alice.user.email,
      channel: "email",
      user_id: alice.user.userId,
    });
    expect(msg.payload).toMatchObject({
      appointment_id: appt.id,
      clinic_name: "Vete Brooklyn",
      service_name: "Vaccination",
      vet_name: "Dr Ana Vega",
      starts_at_local: `${day} 09:00`,
      time_zone: TZ,
      instructions: "Bring the vaccination card",
    });
    const ics: string = msg.attachments[0].content;
    expect(msg.attachments[0]).toMatchObject({
      filename: "appointment.ics",
      content_type: "text/calendar; charset=utf-8; method=REQUEST",
    });
    const utc = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    expect(ics.split("\r\n")).toEqual(
      expect.arrayContaining([
        "BEGIN:VCALENDAR",
        "METHOD:REQUEST",
        "BEGIN:VEVENT",
        `UID:${appt.id}`,
        "SEQUENCE:0",
        `DTSTART:${utc(appt.startsAt)}`,
        `DTEND:${utc(appt.endsAt)}`,
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
      ]),
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it("refuses a slot that is not on the schedule or already taken with SLOT_TAKEN (409, field startsAt)", async () => {
    const book = (time: string) =>
      withUser(bob.user, async (db) =>
        bookAppointment(db, clinic.id, {
          petId: bob.petId,
          serviceId: service.id,
          vetId: vet.userId,
          startsAt: (await at(time)).toISOString(),
        }),
      );
    const taken = await expectCode(book("09:00"), "SLOT_TAKEN", 409);
    expect(taken.fields).toHaveProperty("startsAt");
    await expectCode(book("09:20"), "SLOT_TAKEN"); // within buffer and off the 15 minute grid
    await expectCode(book("18:00"), "SLOT_TAKEN"); // after hours
  });

  it("refuses another client's pet (PET_NOT_FOUND) and books nothing", async () => {
    const start = (await at("11:00")).toISOString();
    await expectCode(
      withUser(bob.user, (db) =>
        bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: service.id, startsAt: start }),
      ),
      "PET_NOT_FOUND",
      404,
    );
    await expectCode(
      withUser(bob.user, (db) =>
        bookAppointment(db, clinic.id, {
          petId: alice.petId,
          serviceId: service.id,
          startsAt: start,
          clientId: alice.clientId,
        }),
      ),
      "FORBIDDEN",
      403,
    );
    const { rows } = await testPool().query("select 1 from public.appointments where pet_id = $1 and starts_at = $2", [
      alice.petId,
      start,
    ]);
    expect(rows).toHaveLength(0);
  });

  it("refuses a staff-only service to clients and visitors, but staff can book it for a client", async () => {
    const start = (await at("13:00")).toISOString();
    await expectCode(
      withUser(alice.user, (db) =>
        bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: staffOnly.id, startsAt: start }),
      ),
      "SERVICE_NOT_FOUND",
      404,
    );
    await expectCode(
      withUser(alice.user, (db) => listAvailableSlots(db, clinic.id, { serviceId: staffOnly.id, from: day, to: day })),
      "SERVICE_NOT_FOUND",
    );
    await expectCode(
      asAnonymous((db) => listAvailableSlots(db, clinic.id, { serviceId: staffOnly.id, from: day, to: day })),
      "SERVICE_NOT_FOUND",
    );
    const appt = await withUser(receptionist, (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: staffOnly.id,
        startsAt: start,
        vetId: otherVet.userId,
      }),
    );
    expect(appt).toMatchObject({ clientId: alice.clientId, vetId: otherVet.userId, status: "confirmed" });
  });

  it("lets visitors see slots of online services", async () => {
    const slots = await asAnonymous((db) =>
      listAvailableSlots(db, clinic.id, { serviceId: service.id, from: day, to: day }),
    );
    expect(slots.length).toBeGreaterThan(10);
  });

  it("refuses a vet who does not perform the service (VET_DOES_NOT_PERFORM_SERVICE, field vetId)", async () => {
    const err = await expectCode(
      withUser(alice.user, async (db) =>
        bookAppointment(db, clinic.id, {
          petId: alice.petId,
          serviceId: service.id,
          vetId: otherVet.userId,
          startsAt: (await at("10:00")).toISOString(),
        }),
      ),
      "VET_DOES_NOT_PERFORM_SERVICE",
      422,
    );
    expect(err.fields).toHaveProperty("vetId");
  });

  it("holds clients to min notice and max days ahead; staff may book inside the notice period", async () => {
    const soonDay = await localDateFromToday(TZ, 0);
    const { rows } = await testPool().query<{ t: Date }>(
      `select to_timestamp(ceil(extract(epoch from now() + interval '30 minutes') / 900) * 900) as t`,
    );
    const soon = (rows[0] as { t: Date }).t; // 30-45 minutes from now, inside the 120 minute notice
    await testPool().query(
      "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time) values ($1, $2, $3, 'hours', '00:00', '24:00'), ($1, $2, ($3::date + 1), 'hours', '00:00', '24:00')",
      [clinic.id, vet.userId, soonDay],
    );
    await expectCode(
      withUser(alice.user, (db) =>
        bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: service.id, startsAt: soon.toISOString() }),
      ),
      "OUTSIDE_BOOKING_WINDOW",
      422,
    );
    const far = await localInstant(TZ, await localDateFromToday(TZ, 31), "10:00");
    await expectCode(
      withUser(alice.user, (db) =>
        bookAppointment(db, clinic.id, { petId: alice.petId, serviceId: service.id, startsAt: far.toISOString() }),
      ),
      "OUTSIDE_BOOKING_WINDOW",
    );
    const staffBooked = await withUser(vet, (db) =>
      bookAppointment(db, clinic.id, { petId: bob.petId, serviceId: service.id, startsAt: soon.toISOString() }),
    );
    expect(staffBooked.clientId).toBe(bob.clientId);
    const past = fromNow(-3 * HOUR);
    await expectCode(
      withUser(vet, (db) =>
        bookAppointment(db, clinic.id, { petId: bob.petId, serviceId: service.id, startsAt: past.toISOString() }),
      ),
      "OUTSIDE_BOOKING_WINDOW",
    );
  });

  it("books as requested when the clinic wants to confirm online bookings, and staff confirm it", async () => {
    const c = await createClinic({ timeZone: TZ });
    await setBookingRules(c.id, { requireConfirmation: true });
    const s = await createService(c.id);
    const v = await createVet(c.id, { serviceIds: [s.id] });
    const o = await createPetOwner(c.id);
    const start = await localInstant(TZ, day, "10:00");
    const appt = await withUser(o.user, (db) =>
      bookAppointment(db, c.id, { petId: o.petId, serviceId: s.id, startsAt: start.toISOString() }),
    );
    expect(appt.status).toBe("requested");
    const confirmed = await withUser(v, (db) => setAppointmentStatus(db, appt.id, { status: "confirmed" }));
    expect(confirmed.status).toBe("confirmed");
  });

  it("refuses a second live appointment of one pet at an overlapping time with another vet (PET_BUSY), for booking and reschedule", async () => {
    const carol = await createPetOwner(clinic.id);
    const date = await localDateFromToday(TZ, 8);
    const book = (vetId: string, time: string) =>
      withUser(receptionist, async (db) =>
        bookAppointment(db, clinic.id, {
          petId: carol.petId,
          serviceId: staffOnly.id,
          startsAt: (await at(time, date)).toISOString(),
          vetId,
        }),
      );
    const first = await book(vet.userId, "10:00");
    const err = await expectCode(book(otherVet.userId, "10:30"), "PET_BUSY", 409);
    const { rows: pet } = await testPool().query("select name from public.pets where id = $1", [carol.petId]);
    expect(err.message).toBe(`${pet[0].name} already has an appointment at that time.`);
    expect(err.fields).toEqual({ startsAt: [err.message] });
    // back to back is fine: the pet's time is [start, end) without the vet's buffers
    const second = await book(otherVet.userId, "11:00");
    await expectCode(
      withUser(receptionist, async (db) =>
        rescheduleAppointment(db, second.id, { startsAt: (await at("10:15", date)).toISOString() }),
      ),
      "PET_BUSY",
      409,
    );
    expect((await row(second.id)).starts_at).toEqual(await at("11:00", date));
    await withUser(receptionist, (db) => cancelAppointment(db, first.id, { reason: "Owner called" }));
    await expect(book(otherVet.userId, "10:00")).resolves.toMatchObject({ vetId: otherVet.userId });
  });

  it("lists times for a pet without those it is already booked with another vet; only its owner and staff may ask", async () => {
    const checkup = await createService(clinic.id, { name: "Check-up", durationMinutes: 30 });
    const v1 = await createVet(clinic.id, { serviceIds: [checkup.id] });
    const v2 = await createVet(clinic.id, { serviceIds: [checkup.id] });
    const dave = await createPetOwner(clinic.id);
    const date = await localDateFromToday(TZ, 9);
    await withUser(dave.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: dave.petId,
        serviceId: checkup.id,
        vetId: v1.userId,
        startsAt: (await at("10:00", date)).toISOString(),
      }),
    );
    const starts = async (user: TestUser, petId?: string) =>
      (
        await withUser(user, (db) =>
          listAvailableSlots(db, clinic.id, { serviceId: checkup.id, vetId: v2.userId, from: date, to: date, petId }),
        )
      ).map((s) => s.startsAt.getTime());
    const times = async (...hhmm: string[]) => Promise.all(hhmm.map(async (h) => (await at(h, date)).getTime()));
    const [t0930, t0945, t1000, t1015, t1030] = await times("09:30", "09:45", "10:00", "10:15", "10:30");
    expect(await starts(dave.user)).toEqual(expect.arrayContaining([t0930, t0945, t1000, t1015, t1030]));
    const forPet = await starts(dave.user, dave.petId);
    expect(forPet).toEqual(expect.arrayContaining([t0930, t1030]));
    for (const t of [t0945, t1000, t1015]) expect(forPet).not.toContain(t);
    expect(await starts(receptionist, dave.petId)).toEqual(forPet);
    await expectCode(starts(bob.user, dave.petId), "PET_NOT_FOUND", 404);
    await expectCode(
      asAnonymous((db) =>
        listAvailableSlots(db, clinic.id, { serviceId: checkup.id, from: date, to: date, petId: dave.petId }),
      ),
      "PET_NOT_FOUND",
      404,
    );
  });

  it("lists times for moving an appointment: its own time is free, its pet's other appointment is not", async () => {
    const checkup = await createService(clinic.id, { name: "Follow-up", durationMinutes: 30 });
    const v1 = await createVet(clinic.id, { serviceIds: [checkup.id] });
    const v2 = await createVet(clinic.id, { serviceIds: [checkup.id] });
    const erin = await createPetOwner(clinic.id);
    const date = await localDateFromToday(TZ, 10);
    const book = (vetId: string, time: string) =>
      withUser(erin.user, async (db) =>
        bookAppointment(db, clinic.id, {
          petId: erin.petId,
          serviceId: checkup.id,
          vetId,
          startsAt: (await at(time, date)).toISOString(),
        }),
      );
    await book(v1.userId, "10:00");
    const moving = await book(v2.userId, "11:00");
    const starts = async (user: TestUser, movingAppointmentId?: string) =>
      (
        await withUser(user, (db) =>
          listAvailableSlots(db, clinic.id, {
            serviceId: checkup.id,
            vetId: v2.userId,
            from: date,
            to: date,
            movingAppointmentId,
          }),
        )
      ).map((s) => s.startsAt.getTime());
    const [t0945, t1000, t1030, t1045, t1115] = (await Promise.all(
      ["09:45", "10:00", "10:30", "10:45", "11:15"].map(async (h) => (await at(h, date)).getTime()),
    )) as [number, number, number, number, number];
    const plain = await starts(erin.user);
    expect(plain).not.toContain(t1115); // v2 is busy with the appointment itself
    const forMove = await starts(erin.user, moving.id);
    expect(forMove).toEqual(expect.arrayContaining([t1030, t1045, t1115]));
    expect(forMove).not.toContain(t0945); // the pet is with v1 from 10:00 to 10:30
    expect(forMove).not.toContain(t1000);
    await expect(
      withUser(erin.user, async (db) =>
        rescheduleAppointment(db, moving.id, { startsAt: new Date(t1115).toISOString() }),
      ),
    ).resolves.toMatchObject({ id: moving.id });
    expect(await starts(receptionist, moving.id)).toEqual(await starts(erin.user, moving.id));
    const err = await expectCode(starts(bob.user, moving.id), "APPOINTMENT_NOT_FOUND", 404);
    expect(err.fields).toHaveProperty("movingAppointmentId");
  });

  it("rejects bad input with field errors before touching the database", async () => {
    const err = await expectCode(
      withUser(alice.user, (db) =>
        bookAppointment(db, clinic.id, { petId: "nope", serviceId: service.id, startsAt: "tomorrow" }),
      ),
      "INVALID_INPUT",
      422,
    );
    expect(Object.keys(err.fields ?? {})).toEqual(expect.arrayContaining(["petId", "startsAt"]));
  });
});

describe("reschedule and cancel", () => {
  it("lets a client move their appointment inside the window; sequence and .ics SEQUENCE go up", async () => {
    const appt = await withUser(alice.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("14:00")).toISOString(),
      }),
    );
    // moving 15 minutes later overlaps its own old range: allowed, the row's old range is replaced
    const moved = await withUser(alice.user, async (db) =>
      rescheduleAppointment(db, appt.id, { startsAt: (await at("14:15")).toISOString() }),
    );
    expect(moved.startsAt).toEqual(await at("14:15"));
    expect(moved.sequence).toBe(1);
    const { rows } = await testPool().query(
      "select payload, attachments from public.outbox_messages where dedupe_key = $1",
      [`appointment.rescheduled:${appt.id}:1`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].payload.previous_starts_at_local).toBe(`${day} 14:00`);
    expect(rows[0].attachments[0].content).toContain("SEQUENCE:1\r\n");
    // the old start is free again
    const slots = await withUser(bob.user, (db) =>
      listAvailableSlots(db, clinic.id, { serviceId: service.id, from: day, to: day }),
    );
    expect(slots.map((s) => s.startsAt.getTime())).not.toContain((await at("14:00")).getTime());
    expect(slots.map((s) => s.startsAt.getTime())).toContain((await at("15:00")).getTime());
  });

  it("refuses another client's appointment as not found", async () => {
    const appt = await withUser(alice.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("15:00")).toISOString(),
      }),
    );
    await expectCode(
      withUser(bob.user, async (db) =>
        rescheduleAppointment(db, appt.id, { startsAt: (await at("16:00")).toISOString() }),
      ),
      "APPOINTMENT_NOT_FOUND",
      404,
    );
    await expectCode(
      withUser(bob.user, (db) => cancelAppointment(db, appt.id, { reason: "not mine" })),
      "APPOINTMENT_NOT_FOUND",
      404,
    );
    expect((await row(appt.id)).status).toBe("confirmed");
  });

  it("refuses a client cancel or reschedule inside the 24 hour window, but staff can do both", async () => {
    const tomorrow = await localDateFromToday(TZ, 1);
    const { rows } = await testPool().query<{ t: Date }>(
      "select to_timestamp(ceil(extract(epoch from now() + interval '5 hours') / 900) * 900) as t",
    );
    const start = (rows[0] as { t: Date }).t;
    await testPool().query(
      "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time) values ($1, $2, $3, 'hours', '00:00', '24:00') on conflict do nothing",
      [clinic.id, vet.userId, tomorrow],
    );
    const appt = await withUser(receptionist, (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: start.toISOString(),
        vetId: vet.userId,
      }),
    );
    await expectCode(
      withUser(alice.user, (db) => cancelAppointment(db, appt.id, { reason: "cannot come" })),
      "CHANGE_WINDOW_CLOSED",
      403,
    );
    await expectCode(
      withUser(alice.user, (db) => rescheduleAppointment(db, appt.id, { startsAt: after(start, HOUR).toISOString() })),
      "CHANGE_WINDOW_CLOSED",
      403,
    );
    expect(await row(appt.id)).toMatchObject({ status: "confirmed", sequence: 0 });
    const moved = await withUser(receptionist, (db) =>
      rescheduleAppointment(db, appt.id, { startsAt: after(start, HOUR).toISOString() }),
    );
    expect(moved.sequence).toBe(1);
    const cancelled = await withUser(receptionist, (db) => cancelAppointment(db, appt.id, { reason: "Vet is ill" }));
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "Vet is ill", sequence: 2 });
    const { rows: msgs } = await testPool().query(
      "select payload, attachments from public.outbox_messages where dedupe_key = $1",
      [`appointment.cancelled:${appt.id}`],
    );
    expect(msgs[0].payload).toMatchObject({ reason: "Vet is ill", cancelled_by_clinic: true });
    expect(msgs[0].attachments[0].content).toContain("METHOD:CANCEL\r\n");
    expect(msgs[0].attachments[0].content).toContain("STATUS:CANCELLED\r\n");
    // cancelling again is a no-op with no second message
    await withUser(receptionist, (db) => cancelAppointment(db, appt.id, { reason: "again" }));
    expect((await row(appt.id)).cancel_reason).toBe("Vet is ill");
  });

  it("lets a client cancel outside the window with a reason, which frees the slot", async () => {
    const appt = await withUser(bob.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: bob.petId,
        serviceId: service.id,
        startsAt: (await at("16:00")).toISOString(),
      }),
    );
    await expectCode(
      withUser(bob.user, (db) => cancelAppointment(db, appt.id, { reason: "  " })),
      "INVALID_INPUT",
      422,
    );
    const cancelled = await withUser(bob.user, (db) => cancelAppointment(db, appt.id, { reason: "Feeling better" }));
    expect(cancelled.status).toBe("cancelled");
    const again = await withUser(alice.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("16:00")).toISOString(),
      }),
    );
    expect(again.status).toBe("confirmed");
    const { rows } = await testPool().query("select locale from public.outbox_messages where dedupe_key = $1", [
      `appointment.cancelled:${appt.id}`,
    ]);
    expect(rows[0]).toEqual({ locale: "es" });
  });
});

describe("calendar file", () => {
  it("gives a client their own appointment as an .ics (PUBLISH, then CANCEL once cancelled); others get not found", async () => {
    const fay = await createPetOwner(clinic.id);
    const date = await localDateFromToday(TZ, 11);
    const appt = await withUser(fay.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: fay.petId,
        serviceId: service.id,
        vetId: vet.userId,
        startsAt: (await at("15:00", date)).toISOString(),
      }),
    );
    const file = (user: TestUser, clinicId = clinic.id) =>
      withUser(user, (db) => getAppointmentCalendarFile(db, clinicId, appt.id));
    const ics = await file(fay.user);
    expect(ics.split("\r\n")).toEqual(
      expect.arrayContaining(["METHOD:PUBLISH", `UID:${appt.id}`, "SEQUENCE:0", "STATUS:CONFIRMED", "BEGIN:VEVENT"]),
    );
    expect(ics).toContain("Vaccination - ");
    expect(await file(receptionist)).toContain(`UID:${appt.id}`);
    await expectCode(file(bob.user), "APPOINTMENT_NOT_FOUND", 404);
    await expectCode(file(fay.user, other.id), "APPOINTMENT_NOT_FOUND", 404);
    await expectCode(
      withUser(fay.user, (db) => getAppointmentCalendarFile(db, clinic.id, "not-an-id")),
      "INVALID_INPUT",
      422,
    );
    await withUser(fay.user, (db) => cancelAppointment(db, appt.id, { reason: "Plans changed" }));
    expect((await file(fay.user)).split("\r\n")).toEqual(expect.arrayContaining(["METHOD:CANCEL", "STATUS:CANCELLED"]));
  });
});

describe("status transitions", () => {
  it("walks confirmed -> checked_in -> in_progress -> completed and then refuses any change", async () => {
    const appt = await withUser(receptionist, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("10:30")).toISOString(),
      }),
    );
    const set = (status: "confirmed" | "checked_in" | "in_progress" | "completed" | "no_show") =>
      withUser(vet, (db) => setAppointmentStatus(db, appt.id, { status }));
    await expectCode(set("completed"), "INVALID_STATUS_TRANSITION", 409);
    expect((await set("checked_in")).status).toBe("checked_in");
    await expectCode(set("no_show"), "INVALID_STATUS_TRANSITION");
    expect((await set("in_progress")).status).toBe("in_progress");
    await expectCode(
      withUser(receptionist, (db) => cancelAppointment(db, appt.id, { reason: "too late" })),
      "INVALID_STATUS_TRANSITION",
    );
    expect((await set("completed")).status).toBe("completed");
    for (const s of ["confirmed", "checked_in", "in_progress", "no_show"] as const)
      await expectCode(set(s), "INVALID_STATUS_TRANSITION");
    await expectCode(
      withUser(receptionist, async (db) =>
        rescheduleAppointment(db, appt.id, { startsAt: (await at("12:00")).toISOString() }),
      ),
      "APPOINTMENT_NOT_CHANGEABLE",
      409,
    );
    expect((await row(appt.id)).status).toBe("completed");
  });

  it("enforces the status machine and freezes closed rows even for raw updates", async () => {
    const appt = await withUser(receptionist, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: bob.petId,
        serviceId: service.id,
        startsAt: (await at("12:30")).toISOString(),
      }),
    );
    await expect(
      testPool().query("update public.appointments set status = 'completed' where id = $1", [appt.id]),
    ).rejects.toMatchObject({ code: "VT409", message: "invalid_status_transition" });
    await testPool().query("update public.appointments set status = 'no_show' where id = $1", [appt.id]);
    await expect(
      testPool().query("update public.appointments set status = 'confirmed' where id = $1", [appt.id]),
    ).rejects.toMatchObject({ message: "invalid_status_transition" });
    await expect(
      testPool().query("update public.appointments set starts_at = starts_at + interval '1 hour' where id = $1", [
        appt.id,
      ]),
    ).rejects.toMatchObject({ message: "appointment_closed" });
  });

  it("lets only staff change status; a client gets FORBIDDEN", async () => {
    const appt = await withUser(alice.user, async (db) =>
      bookAppointment(db, clinic.id, {
        petId: alice.petId,
        serviceId: service.id,
        startsAt: (await at("11:30")).toISOString(),
      }),
    );
    await expectCode(
      withUser(alice.user, (db) => setAppointmentStatus(db, appt.id, { status: "checked_in" })),
      "FORBIDDEN",
      403,
    );
    expect((await row(appt.id)).status).toBe("confirmed");
  });
});

describe("reading appointments", () => {
  it("shows clients only their own appointments and staff the clinic's, with names; other clinics see nothing", async () => {
    const from = await localInstant(TZ, day, "00:00");
    const to = await localInstant(TZ, await localDateFromToday(TZ, 6), "00:00");
    const mine = await withUser(alice.user, (db) =>
      listAppointments(db, clinic.id, { from: from.toISOString(), to: to.toISOString() }),
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.clientId === alice.clientId && a.notes === null)).toBe(true);
    const all = await withUser(vet, (db) =>
      listAppointments(db, clinic.id, { from: from.toISOString(), to: to.toISOString() }),
    );
    expect(all.some((a) => a.clientId === bob.clientId)).toBe(true);
    expect(all.find((a) => a.vetId === vet.userId)).toMatchObject({ vetName: "Dr Ana Vega" });
    const outsider = await addStaff(other.id, "owner");
    expect(
      await withUser(outsider, (db) =>
        listAppointments(db, clinic.id, { from: from.toISOString(), to: to.toISOString() }),
      ),
    ).toEqual([]);
    const { rows } = await withUser(outsider, (db) =>
      db.query("select id from public.appointments where clinic_id = $1", [clinic.id]),
    );
    expect(rows).toEqual([]);
    const { rows: own } = await withUser(bob.user, (db) =>
      db.query<{ client_id: string }>("select client_id from public.appointments"),
    );
    expect(own.every((r) => r.client_id === bob.clientId)).toBe(true);
  });

  it("does not let a client write appointments directly", async () => {
    await expect(
      withUser(alice.user, (db) =>
        db.query(
          `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at) values ($1, $2, $3, $4, $5, now() + interval '3 days', now() + interval '3 days 30 minutes')`,
          [clinic.id, alice.clientId, alice.petId, service.id, vet.userId],
        ),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withUser(alice.user, (db) =>
        db.query("update public.appointments set status = 'cancelled' where client_id = $1", [alice.clientId]),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
