// Cross-tenant checks for every appointments table: staff of clinic B neither read nor write clinic A's
// services, schedules, rules, appointments or requests, and composite foreign keys refuse rows that point
// into another clinic even on the owner connection (which bypasses RLS).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { requestBooking } from "@/lib/appointments/request-booking";
import { bookAppointment } from "@/lib/appointments/book-appointment";
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

let a: TestClinic;
let b: TestClinic;
let serviceA: TestService;
let staffOnlyA: TestService;
let vetA: TestUser;
let adminB: TestUser;
let ownerA: TestOwner;

beforeAll(async () => {
  a = await createClinic();
  b = await createClinic();
  serviceA = await createService(a.id);
  staffOnlyA = await createService(a.id, { bookableOnline: false });
  vetA = await createVet(a.id, { serviceIds: [serviceA.id] });
  await setBookingRules(a.id, { minNoticeMinutes: 0 });
  await testPool().query(
    "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind) values ($1, $2, current_date + 90, 'closed')",
    [a.id, vetA.userId],
  );
  await testPool().query(
    "insert into public.vet_time_off (clinic_id, vet_id, period) values ($1, $2, tstzrange(now() + interval '80 days', now() + interval '81 days'))",
    [a.id, vetA.userId],
  );
  adminB = await addStaff(b.id, "admin");
  ownerA = await createPetOwner(a.id);
  const start = await localInstant(a.timeZone, await localDateFromToday(a.timeZone, 4), "10:00");
  await withUser(ownerA.user, (db) =>
    bookAppointment(db, a.id, { petId: ownerA.petId, serviceId: serviceA.id, startsAt: start.toISOString() }),
  );
  await withUser(ownerA.user, (db) => requestBooking(db, a.id, { petId: ownerA.petId, serviceId: serviceA.id }));
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const tables = [
  "services",
  "service_vets",
  "vet_weekly_hours",
  "vet_date_overrides",
  "vet_time_off",
  "clinic_booking_rules",
  "appointments",
  "booking_requests",
];

describe("appointments tables across tenants", () => {
  it("shows staff of another clinic none of clinic A's private rows", async () => {
    for (const t of tables) {
      // appointments.notes is not granted to users (staff read it through list_appointments)
      const columns = t === "appointments" ? "id" : "*";
      const { rows } = await withUser(adminB, (db) =>
        db.query(`select ${columns} from public.${t} where clinic_id = $1`, [a.id]),
      );
      if (t === "clinic_booking_rules")
        expect(rows, t).toHaveLength(1); // public: a booking page shows the rules
      else if (t === "services")
        expect(
          rows.map((r) => r.id),
          t,
        ).toEqual([serviceA.id]); // only the online-bookable one
      else if (t === "service_vets")
        expect(rows, t).toHaveLength(1); // who performs an online service is public
      else expect(rows, t).toEqual([]);
    }
    // the same queries through the owner connection do find the rows, so the check above can fail
    for (const t of tables) {
      const { rows } = await testPool().query(`select 1 from public.${t} where clinic_id = $1`, [a.id]);
      expect(rows.length, t).toBeGreaterThan(0);
    }
    const hidden = await withUser(adminB, (db) =>
      db.query("select id from public.services where id = $1", [staffOnlyA.id]),
    );
    expect(hidden.rows).toEqual([]);
  });

  it("refuses writes into clinic A by staff of clinic B and changes nothing", async () => {
    const attempts: [string, unknown[]][] = [
      ["insert into public.services (clinic_id, name, duration_minutes) values ($1, 'Sneaky', 30)", [a.id]],
      ["update public.services set price_cents = 1 where clinic_id = $1", [a.id]],
      [
        "insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time) values ($1, $2, 1, '00:00', '24:00')",
        [a.id, vetA.userId],
      ],
      ["delete from public.vet_weekly_hours where clinic_id = $1", [a.id]],
      ["delete from public.vet_time_off where clinic_id = $1", [a.id]],
      ["update public.clinic_booking_rules set min_notice_minutes = 0 where clinic_id = $1", [a.id]],
      ["update public.appointments set notes = 'x' where clinic_id = $1", [a.id]],
    ];
    for (const [sql, params] of attempts) {
      const outcome = await withUser(adminB, (db) => db.query(sql, params)).then(
        (r) => r.rowCount,
        (e: unknown) => e,
      );
      // either refused outright, or RLS made the statement touch no rows
      expect(outcome === 0 || outcome instanceof Error, sql).toBe(true);
    }
    const { rows } = await testPool().query(
      `select (select count(*) from public.vet_weekly_hours where clinic_id = $1) as hours, (select count(*) from public.vet_time_off where clinic_id = $1) as off,
              (select count(*) from public.services where clinic_id = $1) as services, (select count(*) from public.appointments where clinic_id = $1 and notes is not null) as notes`,
      [a.id],
    );
    expect(rows[0]).toEqual({ hours: 7, off: 1, services: 2, notes: 0 });
  });

  it("refuses rows that point into another clinic, even for the owner connection (composite foreign keys)", async () => {
    const vetB = await addStaff(b.id, "vet");
    const ownerB = await createPetOwner(b.id);
    await expect(
      testPool().query("insert into public.service_vets (clinic_id, service_id, vet_id) values ($1, $2, $3)", [
        b.id,
        serviceA.id,
        vetB.userId,
      ]),
    ).rejects.toMatchObject({ code: "23503" });
    // a vet of clinic B assigned in clinic A: the role trigger refuses before the composite key would
    await expect(
      testPool().query("insert into public.service_vets (clinic_id, service_id, vet_id) values ($1, $2, $3)", [
        a.id,
        serviceA.id,
        vetB.userId,
      ]),
    ).rejects.toMatchObject({ message: "not_a_vet" });
    await expect(
      testPool().query(
        "insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time) values ($1, $2, 1, '09:00', '10:00')",
        [a.id, vetB.userId],
      ),
    ).rejects.toMatchObject({ code: "23503" });
    await expect(
      testPool().query(
        "insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at) values ($1, $2, $3, $4, $5, now() + interval '9 days', now() + interval '9 days 30 minutes')",
        [a.id, ownerB.clientId, ownerA.petId, serviceA.id, vetA.userId],
      ),
    ).rejects.toMatchObject({ code: "23503" });
    await expect(
      testPool().query(
        "insert into public.booking_requests (clinic_id, client_id, pet_id, service_id) values ($1, $2, $3, $4)",
        [b.id, ownerB.clientId, ownerB.petId, serviceA.id],
      ),
    ).rejects.toMatchObject({ code: "23503" });
  });

  it("does not let staff of clinic B book into clinic A or read its slots for staff-only services", async () => {
    const start = await localInstant(a.timeZone, await localDateFromToday(a.timeZone, 5), "11:00");
    const err = await withUser(adminB, (db) =>
      bookAppointment(db, a.id, {
        petId: ownerA.petId,
        serviceId: serviceA.id,
        startsAt: start.toISOString(),
        clientId: ownerA.clientId,
      }),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "NOT_A_CLIENT" });
    const { rows } = await testPool().query("select count(*)::int as n from public.appointments where clinic_id = $1", [
      a.id,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });
});
