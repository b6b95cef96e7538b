// Booking requests: one open request per client, pet and service (a duplicate returns the existing one);
// staff convert a request into an appointment atomically or decline it with a message to the client.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { convertBookingRequest } from "@/lib/appointments/convert-booking-request";
import { declineBookingRequest } from "@/lib/appointments/decline-booking-request";
import { requestBooking } from "@/lib/appointments/request-booking";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import {
  createPetOwner,
  createService,
  createVet,
  localDateFromToday,
  localInstant,
  type TestOwner,
  type TestService,
} from "../helpers/appointment-factories";
import {
  addStaff,
  closeTestPool,
  createClinic,
  createPet,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

const TZ = "Europe/Madrid";
let clinic: TestClinic;
let service: TestService;
let other: TestService;
let vet: TestUser;
let receptionist: TestUser;
let owner: TestOwner;
let day: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: TZ });
  service = await createService(clinic.id, { name: "Dental" });
  other = await createService(clinic.id, { name: "Grooming" });
  vet = await createVet(clinic.id, { serviceIds: [service.id, other.id] });
  receptionist = await addStaff(clinic.id, "receptionist");
  owner = await createPetOwner(clinic.id);
  day = await localDateFromToday(TZ, 7);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => new Error("expected a failure"),
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("booking requests", () => {
  it("returns the existing open request for a duplicate, and opens another for a different service or pet", async () => {
    const first = await withUser(owner.user, (db) =>
      requestBooking(db, clinic.id, {
        petId: owner.petId,
        serviceId: service.id,
        preferredDates: [day],
        timeOfDay: "morning",
        note: "Mornings please",
      }),
    );
    expect(first).toMatchObject({
      status: "open",
      preferredDates: [day],
      timeOfDay: "morning",
      note: "Mornings please",
      clientId: owner.clientId,
    });
    const dup = await withUser(owner.user, (db) =>
      requestBooking(db, clinic.id, {
        petId: owner.petId,
        serviceId: service.id,
        timeOfDay: "evening",
        note: "changed my mind",
      }),
    );
    expect(dup).toEqual(first);
    const otherService = await withUser(owner.user, (db) =>
      requestBooking(db, clinic.id, { petId: owner.petId, serviceId: other.id }),
    );
    expect(otherService.id).not.toBe(first.id);
    const pet2 = await createPet(clinic.id, owner.clientId);
    const otherPet = await withUser(owner.user, (db) =>
      requestBooking(db, clinic.id, { petId: pet2.id, serviceId: service.id }),
    );
    expect(otherPet.id).not.toBe(first.id);
  });

  it("refuses past preferred dates and other people's pets", async () => {
    const past = await localDateFromToday(TZ, -1);
    const e = await failure(
      withUser(owner.user, (db) =>
        requestBooking(db, clinic.id, { petId: owner.petId, serviceId: other.id, preferredDates: [past] }),
      ),
    );
    expect(e.code).toBe("INVALID_PREFERRED_DATES");
    expect(e.fields).toHaveProperty("preferredDates");
    const stranger = await createPetOwner(clinic.id);
    expect(
      (
        await failure(
          withUser(stranger.user, (db) => requestBooking(db, clinic.id, { petId: owner.petId, serviceId: service.id })),
        )
      ).code,
    ).toBe("PET_NOT_FOUND");
  });

  it("converts a request into an appointment atomically; a taken slot leaves the request open", async () => {
    const o = await createPetOwner(clinic.id);
    const req = await withUser(o.user, (db) =>
      requestBooking(db, clinic.id, { petId: o.petId, serviceId: service.id, note: "Limping" }),
    );
    const ten = await localInstant(TZ, day, "10:00");
    // someone else takes 10:00 first
    await withUser(owner.user, (db) =>
      bookAppointment(db, clinic.id, {
        petId: owner.petId,
        serviceId: service.id,
        startsAt: ten.toISOString(),
        vetId: vet.userId,
      }),
    );
    const e = await failure(
      withUser(receptionist, (db) =>
        convertBookingRequest(db, req.id, { startsAt: ten.toISOString(), vetId: vet.userId }),
      ),
    );
    expect(e.code).toBe("SLOT_TAKEN");
    const open = await testPool().query("select status, appointment_id from public.booking_requests where id = $1", [
      req.id,
    ]);
    expect(open.rows[0]).toEqual({ status: "open", appointment_id: null });

    const eleven = await localInstant(TZ, day, "11:00");
    expect(
      (await failure(withUser(o.user, (db) => convertBookingRequest(db, req.id, { startsAt: eleven.toISOString() }))))
        .code,
    ).toBe("REQUEST_NOT_FOUND");
    const appt = await withUser(receptionist, (db) =>
      convertBookingRequest(db, req.id, { startsAt: eleven.toISOString() }),
    );
    expect(appt).toMatchObject({
      clientId: o.clientId,
      petId: o.petId,
      vetId: vet.userId,
      status: "confirmed",
      notes: "Limping",
    });
    const done = await testPool().query(
      "select status, appointment_id, decided_by from public.booking_requests where id = $1",
      [req.id],
    );
    expect(done.rows[0]).toEqual({ status: "converted", appointment_id: appt.id, decided_by: receptionist.userId });
    expect(
      (
        await failure(
          withUser(receptionist, (db) => convertBookingRequest(db, req.id, { startsAt: eleven.toISOString() })),
        )
      ).code,
    ).toBe("REQUEST_NOT_OPEN");
    // a converted request no longer blocks a new one
    const again = await withUser(o.user, (db) =>
      requestBooking(db, clinic.id, { petId: o.petId, serviceId: service.id }),
    );
    expect(again.id).not.toBe(req.id);
  });

  it("declines with a message that is mailed to the client", async () => {
    const o = await createPetOwner(clinic.id, { locale: "es" });
    const req = await withUser(o.user, (db) => requestBooking(db, clinic.id, { petId: o.petId, serviceId: other.id }));
    expect(
      (await failure(withUser(receptionist, (db) => declineBookingRequest(db, req.id, { message: "" })))).code,
    ).toBe("INVALID_INPUT");
    const declined = await withUser(receptionist, (db) =>
      declineBookingRequest(db, req.id, { message: "Fully booked this month, please call us." }),
    );
    expect(declined).toMatchObject({ status: "declined", declineMessage: "Fully booked this month, please call us." });
    const { rows } = await testPool().query(
      "select template, locale, recipient, payload from public.outbox_messages where dedupe_key = $1",
      [`appointment.request_declined:${req.id}`],
    );
    expect(rows[0]).toMatchObject({ template: "appointment.request_declined", locale: "es", recipient: o.user.email });
    expect(rows[0].payload).toMatchObject({
      message: "Fully booked this month, please call us.",
      service_name: "Grooming",
    });
  });
});
