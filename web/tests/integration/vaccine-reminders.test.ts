// Vaccine reminders through the reminders job and outbox against real Postgres: offsets before the due date
// and one overdue reminder in the clinic's zone, one message per client per clinic-day covering several pets
// and vaccines with a booking link, nothing once the vaccine was given again or an appointment was booked,
// consent respected, and once per (vaccination, due date, offset) even under overlapping runs.
//
// The once-only guard is the primary key vaccine_reminders_once on private.vaccine_reminders. The
// interleaving test below fails without it (run by hand with it dropped):
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/integration/vaccine-reminders.test.ts
//
// Verified on 2026-11-30: with the key dropped, the interleaving test failed (the first vaccination was
// reminded by both runs). The many-batches test still passed then: runs that see the same due items build the
// same outbox dedupe key, a second guard; the key is what holds when they see different items. Never set
// the variable in CI.
import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { enqueueDueReminders, enqueueDueRemindersBatch } from "@/lib/notifications/enqueue-due-reminders";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  testPool,
  type TestClinic,
} from "../helpers/factories";
import { useStandInDatabase } from "../helpers/stand-in-database";
import { daysFromToday, fromNow, HOUR } from "../helpers/dates";

const devMailbox = { providers: { email: null, sms: null, devMailbox: true } };

interface Setup {
  clinic: TestClinic;
  vetId: string;
  vaccineId: string;
}

async function setupClinic(
  opts: { timeZone?: string; offsets?: number[]; overdue?: number | null } = {},
): Promise<Setup> {
  const clinic = await createClinic({ timeZone: opts.timeZone ?? "Europe/Madrid" });
  const vet = await addStaff(clinic.id, "vet");
  await testPool().query(
    "update public.clinic_reminder_settings set vaccine_offsets_days = $2, vaccine_overdue_days = $3 where clinic_id = $1",
    [clinic.id, opts.offsets ?? [30, 7], opts.overdue === undefined ? 7 : opts.overdue],
  );
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.vaccines (clinic_id, name, interval_days) values ($1, 'Rabies', 365) returning id",
    [clinic.id],
  );
  return { clinic, vetId: vet.userId, vaccineId: rows[0]!.id };
}

async function vaccinate(s: Setup, petId: string, dueInDays: number, vaccineId = s.vaccineId): Promise<string> {
  const zone = s.clinic.timeZone;
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.vaccinations (clinic_id, pet_id, vaccine_id, given_on, given_by, given_by_name, next_due_on)
     values ($1, $2, $3, $4, $5, 'Dr Test', $6) returning id`,
    [s.clinic.id, petId, vaccineId, daysFromToday(dueInDays - 365, zone), s.vetId, daysFromToday(dueInDays, zone)],
  );
  return rows[0]!.id;
}

interface VaccineMessage {
  id: string;
  status: string;
  channel: string;
  dedupe_key: string;
  payload: {
    items: { vaccination_id: string; pet_name: string; due_on: string; overdue: boolean }[];
    path: string;
    local_day: string;
  };
}

async function messagesFor(clientId: string): Promise<VaccineMessage[]> {
  const { rows } = await testPool().query<VaccineMessage>(
    `select id, status, channel, dedupe_key, payload from public.outbox_messages
      where template = 'vaccine.reminder' and dedupe_key like $1 order by created_at, id`,
    [`vaccine-reminder:${clientId}:%`],
  );
  return rows;
}

const covered = (rows: VaccineMessage[]) => rows.flatMap((r) => r.payload.items.map((i) => i.vaccination_id));

beforeAll(async () => {
  await useStandInDatabase("notify_vaccines");
  if (process.env.VETE_PROVE_WITHOUT_GUARD === "1") {
    await testPool().query("alter table private.vaccine_reminders drop constraint vaccine_reminders_once");
  }
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("vaccine reminders", () => {
  it("sends the reminder for the offset whose window the due date is in, once however often the job runs", async () => {
    const s = await setupClinic();
    const client = await createClient(s.clinic.id);
    const pet = await createPet(s.clinic.id, client.id, { name: "Luna" });
    const soon = await vaccinate(s, pet.id, 20);
    for (let i = 0; i < 3; i++) await enqueueDueReminders(10_000);
    const rows = await messagesFor(client.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.payload.items).toEqual([expect.objectContaining({ vaccination_id: soon, overdue: false })]);
    expect(rows[0]!.payload.path).toBe(`/${s.clinic.slug}/portal/book`);
    const { rows: handled } = await testPool().query(
      "select offset_days from private.vaccine_reminders where vaccination_id = $1",
      [soon],
    );
    expect(handled).toEqual([{ offset_days: 30 }]);
    await deliverOutbox(10_000, devMailbox);
    expect((await messagesFor(client.id))[0]!.status).toBe("sent");
  });

  it("covers several pets and vaccines of one client in one message per day, and sends the overdue reminder once", async () => {
    const s = await setupClinic({ timeZone: "Pacific/Auckland" });
    const client = await createClient(s.clinic.id);
    const luna = await createPet(s.clinic.id, client.id, { name: "Luna" });
    const milo = await createPet(s.clinic.id, client.id, { name: "Milo" });
    const { rows: v } = await testPool().query<{ id: string }>(
      "insert into public.vaccines (clinic_id, name, interval_days) values ($1, 'Distemper', 365) returning id",
      [s.clinic.id],
    );
    const ids = [
      await vaccinate(s, luna.id, 5),
      await vaccinate(s, luna.id, 25, v[0]!.id),
      await vaccinate(s, milo.id, -8),
    ];
    const far = await vaccinate(s, milo.id, 90, v[0]!.id);
    await enqueueDueReminders(10_000);
    await enqueueDueReminders(10_000);
    const rows = await messagesFor(client.id);
    expect(rows).toHaveLength(1);
    expect(covered(rows).sort()).toEqual([...ids].sort());
    expect(covered(rows)).not.toContain(far);
    expect(rows[0]!.payload.items.find((i) => i.vaccination_id === ids[2])).toMatchObject({ overdue: true });
    // the clinic's day, not the server's
    expect(rows[0]!.payload.local_day).toBe(daysFromToday(0, "Pacific/Auckland"));
  });

  it("sends nothing once the vaccine was given again or an appointment was booked for the pet", async () => {
    const s = await setupClinic();
    const client = await createClient(s.clinic.id);
    const given = await createPet(s.clinic.id, client.id, { name: "Given" });
    const booked = await createPet(s.clinic.id, client.id, { name: "Booked" });
    await vaccinate(s, given.id, 6);
    await testPool().query(
      `insert into public.vaccinations (clinic_id, pet_id, vaccine_id, given_on, given_by, given_by_name, next_due_on)
       values ($1, $2, $3, $4, $5, 'Dr Test', $6)`,
      [
        s.clinic.id,
        given.id,
        s.vaccineId,
        daysFromToday(0, s.clinic.timeZone),
        s.vetId,
        daysFromToday(365, s.clinic.timeZone),
      ],
    );
    await vaccinate(s, booked.id, 6);
    const { rows: svc } = await testPool().query<{ id: string }>(
      "insert into public.services (clinic_id, name, duration_minutes) values ($1, 'Vaccination', 15) returning id",
      [s.clinic.id],
    );
    await testPool().query(
      `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, status)
       values ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '15 minutes', 'confirmed')`,
      [s.clinic.id, client.id, booked.id, svc[0]!.id, s.vetId, fromNow(72 * HOUR)],
    );
    await enqueueDueReminders(10_000);
    expect(await messagesFor(client.id)).toEqual([]);
  });

  it("respects consent: a client who opted out gets nothing, and the reminder is recorded as skipped", async () => {
    const s = await setupClinic();
    const client = await createClient(s.clinic.id);
    await testPool().query("update public.clients set email_reminders = false, sms_reminders = false where id = $1", [
      client.id,
    ]);
    const id = await vaccinate(s, (await createPet(s.clinic.id, client.id)).id, 3);
    await enqueueDueReminders(10_000);
    expect(await messagesFor(client.id)).toEqual([]);
    const { rows } = await testPool().query(
      "select skipped_reason from private.vaccine_reminders where vaccination_id = $1",
      [id],
    );
    expect(rows).toEqual([{ skipped_reason: "client opted out of reminders" }]);
  });

  it("cancels a queued reminder at delivery when the vaccine was given in the meantime", async () => {
    const s = await setupClinic();
    const client = await createClient(s.clinic.id);
    const pet = await createPet(s.clinic.id, client.id);
    await vaccinate(s, pet.id, 4);
    await enqueueDueReminders(10_000);
    await testPool().query(
      `insert into public.vaccinations (clinic_id, pet_id, vaccine_id, given_on, given_by, given_by_name, next_due_on)
       values ($1, $2, $3, $4, $5, 'Dr Test', $6)`,
      [
        s.clinic.id,
        pet.id,
        s.vaccineId,
        daysFromToday(0, s.clinic.timeZone),
        s.vetId,
        daysFromToday(365, s.clinic.timeZone),
      ],
    );
    await deliverOutbox(10_000, devMailbox);
    expect((await messagesFor(client.id)).map((m) => m.status)).toEqual(["cancelled"]);
  });

  it("overlapping runs remind each vaccination once, even when a run sees a different set of due items", async () => {
    const s = await setupClinic();
    const client = await createClient(s.clinic.id);
    const first = await vaccinate(s, (await createPet(s.clinic.id, client.id)).id, 6);
    const pool = testPool();
    const a: PoolClient = await pool.connect();
    const b: PoolClient = await pool.connect();
    try {
      await a.query("begin");
      await a.query("select * from public.enqueue_due_vaccine_reminders(p_limit => 100)");
      // while run A has not committed, another vaccination of the same client comes due
      const second = await vaccinate(s, (await createPet(s.clinic.id, client.id)).id, 5);
      await b.query("begin");
      const runB = b.query("select * from public.enqueue_due_vaccine_reminders(p_limit => 100)");
      await new Promise((r) => setTimeout(r, 200));
      await a.query("commit");
      await runB;
      await b.query("commit");
      const all = covered(await messagesFor(client.id));
      expect(all.filter((id) => id === first)).toHaveLength(1);
      expect(all.filter((id) => id === second)).toHaveLength(1);
    } finally {
      a.release();
      b.release();
    }
  });

  it("many concurrent raw batches give one reminder per vaccination per offset", async () => {
    const s = await setupClinic();
    const ids: string[] = [];
    const clients = await Promise.all(Array.from({ length: 15 }, () => createClient(s.clinic.id)));
    for (const [i, c] of clients.entries())
      ids.push(await vaccinate(s, (await createPet(s.clinic.id, c.id)).id, 1 + (i % 6)));
    await Promise.all(
      Array.from({ length: 4 }, () =>
        asSystem(async (db) => {
          for (let r = await enqueueDueRemindersBatch(db, 3); r.more; r = await enqueueDueRemindersBatch(db, 3)) {
            /* drain */
          }
        }),
      ),
    );
    const all = (await Promise.all(clients.map((c) => messagesFor(c.id)))).flatMap(covered);
    expect(all.sort()).toEqual([...ids].sort());
  });
});
