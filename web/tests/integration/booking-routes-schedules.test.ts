// Staff setup behind the appointment pages, against the real database as each role: services (owners and
// admins only), weekly hours/overrides/time off (owners, admins, receptionists; a vet only their own) and
// booking rules; and that what they set is what the slot list offers.
import { afterAll, describe, expect, it } from "vitest";
import { listAvailableSlots } from "@/lib/appointments/list-available-slots";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addTimeOff } from "@/lib/schedules/add-time-off";
import { createService } from "@/lib/schedules/create-service";
import { getClinicSchedule } from "@/lib/schedules/get-clinic-schedule";
import { listServices } from "@/lib/schedules/list-services";
import { setDateOverride } from "@/lib/schedules/set-date-override";
import { setWeeklyHours } from "@/lib/schedules/set-weekly-hours";
import { updateBookingRules } from "@/lib/schedules/update-booking-rules";
import { updateService } from "@/lib/schedules/update-service";
import { addStaff, closeTestPool, createClient, createClinic, createUser } from "../helpers/factories";
import { anchorDay } from "../helpers/dates";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

/** A day of the anchor week (always ahead; Monday..Sunday in order) in the clinic's zone. */
const nextWeekday = (isoWeekday: number) => anchorDay(isoWeekday, 0, "America/New_York");

async function setup() {
  const clinic = await createClinic({ timeZone: "America/New_York" });
  const vet = await addStaff(clinic.id, "vet");
  const otherVet = await addStaff(clinic.id, "vet");
  const reception = await addStaff(clinic.id, "receptionist");
  const service = await withUser(clinic.owner, (db) =>
    createService(db, clinic.id, {
      name: "Consultation",
      durationMinutes: 30,
      priceCents: 4500,
      vetIds: [vet.userId, otherVet.userId],
    }),
  );
  return { clinic, vet, otherVet, reception, service };
}

describe("services", () => {
  it("lets owners create and edit services, refuses receptionists, and hides staff-only services from clients", async () => {
    const { clinic, reception, service, vet } = await setup();
    expect(service).toMatchObject({ name: "Consultation", currency: "EUR", priceCents: 4500, bookableOnline: true });
    await expect(
      withUser(reception, (db) => createService(db, clinic.id, { name: "X", durationMinutes: 10, priceCents: 0 })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withUser(reception, (db) => updateService(db, clinic.id, service.id, { priceCents: 1 })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const edited = await withUser(clinic.owner, (db) =>
      updateService(db, clinic.id, service.id, { bookableOnline: false, vetIds: [vet.userId] }),
    );
    expect(edited).toMatchObject({
      bookableOnline: false,
      priceCents: 4500,
      durationMinutes: 30,
      vetIds: [vet.userId],
    });
    const clientUser = await createUser();
    await createClient(clinic.id, { user: clientUser });
    expect(await withUser(clientUser, (db) => listServices(db, clinic.id))).toEqual([]);
    await expect(
      withUser(clinic.owner, (db) => createService(db, clinic.id, { name: "", durationMinutes: 2, priceCents: -1 })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { name: expect.any(Array), durationMinutes: expect.any(Array), priceCents: expect.any(Array) },
    });
  });
});

describe("schedules", () => {
  it("lets a receptionist set a vet's weekly hours and the slot list follows them", async () => {
    const { clinic, vet, reception, service } = await setup();
    await withUser(reception, (db) =>
      setWeeklyHours(db, clinic.id, {
        vetId: vet.userId,
        hours: [
          { weekday: 2, start: "09:00", end: "10:00" },
          { weekday: 2, start: "15:00", end: "15:30" },
        ],
      }),
    );
    const day = nextWeekday(2);
    const slots = await withUser(clinic.owner, (db) =>
      listAvailableSlots(db, clinic.id, { serviceId: service.id, vetId: vet.userId, from: day, to: day }),
    );
    const local = slots.map((s) =>
      new Intl.DateTimeFormat("en-GB", { timeZone: "America/New_York", hour: "2-digit", minute: "2-digit" }).format(
        s.startsAt,
      ),
    );
    expect(local).toEqual(["09:00", "09:15", "09:30", "15:00"]);
    const schedule = await withUser(reception, (db) => getClinicSchedule(db, clinic.id, { vetId: vet.userId }));
    expect(schedule.weeklyHours).toEqual([
      { vetId: vet.userId, weekday: 2, start: "09:00", end: "10:00" },
      { vetId: vet.userId, weekday: 2, start: "15:00", end: "15:30" },
    ]);
  });

  it("lets a vet edit only their own schedule", async () => {
    const { clinic, vet, otherVet } = await setup();
    await withUser(vet, (db) =>
      setWeeklyHours(db, clinic.id, { vetId: vet.userId, hours: [{ weekday: 1, start: "08:00", end: "12:00" }] }),
    );
    await expect(
      withUser(vet, (db) => setWeeklyHours(db, clinic.id, { vetId: otherVet.userId, hours: [] })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withUser(vet, (db) =>
        addTimeOff(db, clinic.id, { vetId: otherVet.userId, startDate: nextWeekday(1), endDate: nextWeekday(1) }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("closes a day with an override and removes whole days with time off, in the clinic's zone", async () => {
    const { clinic, vet, reception, service } = await setup();
    await withUser(reception, (db) =>
      setWeeklyHours(db, clinic.id, {
        vetId: vet.userId,
        hours: [3, 4].map((weekday) => ({ weekday, start: "09:00", end: "10:00" })),
      }),
    );
    const wed = nextWeekday(3);
    const thu = nextWeekday(4);
    const count = () =>
      withUser(clinic.owner, (db) =>
        listAvailableSlots(db, clinic.id, { serviceId: service.id, vetId: vet.userId, from: wed, to: thu }),
      );
    expect((await count()).length).toBe(6);
    await withUser(reception, (db) => setDateOverride(db, clinic.id, { vetId: vet.userId, date: wed, closed: true }));
    expect((await count()).length).toBe(3);
    const off = await withUser(reception, (db) =>
      addTimeOff(db, clinic.id, { vetId: vet.userId, startDate: thu, endDate: thu, reason: "Conference" }),
    );
    const nyLocal = (d: Date) =>
      new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", dateStyle: "short", timeStyle: "short" }).format(
        d,
      );
    expect([nyLocal(off.startsAt), nyLocal(off.endsAt)]).toEqual([`${thu} 00:00`, `${nextWeekday(5)} 00:00`]);
    expect(await count()).toEqual([]);
    await expect(
      withUser(reception, (db) => setDateOverride(db, clinic.id, { vetId: vet.userId, date: wed, intervals: [] })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { intervals: expect.any(Array) },
    });
  });
});

describe("booking rules", () => {
  it("lets owners set the rules, refuses receptionists, and rejects a slot grid the database would not take", async () => {
    const { clinic, reception } = await setup();
    const rules = { minNoticeMinutes: 60, maxDaysAhead: 30, slotGranularityMinutes: 30, clientChangeWindowHours: 12 };
    expect(await withUser(clinic.owner, (db) => updateBookingRules(db, clinic.id, rules))).toMatchObject(rules);
    await expect(withUser(reception, (db) => updateBookingRules(db, clinic.id, rules))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      withUser(clinic.owner, (db) => updateBookingRules(db, clinic.id, { ...rules, slotGranularityMinutes: 7 })),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fields: { slotGranularityMinutes: expect.any(Array) },
    });
  });
});
