// Appointment reminders against real Postgres: one per appointment per offset however often or
// concurrently the job runs, one message per client per clinic-day covering several pets, times in the
// clinic's zone, channel preferences and consent, and no stale reminder after a reschedule or cancel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "@/lib/db/context";
import { closePool, getPool } from "@/lib/db/pool";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { enqueueDueRemindersBatch, enqueueDueReminders } from "@/lib/notifications/enqueue-due-reminders";
import { renderMessage } from "@/lib/notifications/render";
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
import { fromNow, HOUR, MINUTE } from "../helpers/dates";

const devMailbox = { providers: { email: null, sms: null, devMailbox: true } };

interface Setup {
  clinic: TestClinic;
  serviceId: string;
  vetId: string;
}

async function setupClinic(opts: { timeZone?: string; offsets?: number[] } = {}): Promise<Setup> {
  const clinic = await createClinic({ timeZone: opts.timeZone ?? "Europe/Madrid" });
  const vet = await addStaff(clinic.id, "vet");
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.services (clinic_id, name, duration_minutes) values ($1, 'Check-up', 30) returning id",
    [clinic.id],
  );
  if (opts.offsets) {
    await testPool().query("update public.clinic_reminder_settings set offsets_minutes = $2 where clinic_id = $1", [
      clinic.id,
      opts.offsets,
    ]);
  }
  return { clinic, serviceId: rows[0]!.id, vetId: vet.userId };
}

async function newClient(
  s: Setup,
  prefs: Partial<{
    preferred_channel: string;
    email_reminders: boolean;
    sms_reminders: boolean;
    phone: string | null;
    locale: string;
  }> = {},
) {
  const client = await createClient(s.clinic.id);
  await testPool().query(
    `update public.clients set preferred_channel = coalesce($2, preferred_channel), email_reminders = coalesce($3, email_reminders),
            sms_reminders = coalesce($4, sms_reminders), phone = coalesce($5, phone), locale = $6 where id = $1`,
    [
      client.id,
      prefs.preferred_channel ?? null,
      prefs.email_reminders ?? null,
      prefs.sms_reminders ?? null,
      prefs.phone ?? null,
      prefs.locale ?? null,
    ],
  );
  return client;
}

async function book(
  s: Setup,
  clientId: string,
  startsAt: Date,
  opts: { petName?: string; vetId?: string } = {},
): Promise<string> {
  const pet = await createPet(s.clinic.id, clientId, { name: opts.petName });
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, status)
     values ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '30 minutes', 'confirmed') returning id`,
    [s.clinic.id, clientId, pet.id, s.serviceId, opts.vetId ?? s.vetId, startsAt],
  );
  return rows[0]!.id;
}

interface ReminderRow {
  id: string;
  channel: string;
  recipient: string;
  status: string;
  last_error: string | null;
  dedupe_key: string;
  locale: string;
  payload: {
    items: { appointment_id: string; starts_at_local: string; pet_name: string }[];
    local_day: string;
    offset_minutes: number;
    email_fallback: boolean;
  };
}

async function remindersFor(clientId: string): Promise<ReminderRow[]> {
  const { rows } = await testPool().query<ReminderRow>(
    "select id, channel, recipient, status, last_error, dedupe_key, locale, payload from public.outbox_messages where template = 'appointment.reminder' and dedupe_key like $1 order by created_at, id",
    [`reminder:${clientId}:%`],
  );
  return rows;
}

/** Appointment ids per message, flattened: each (appointment, offset) must appear exactly once. */
const coveredAppointments = (rows: ReminderRow[]) =>
  rows.flatMap((r) => r.payload.items.map((i) => `${i.appointment_id}:${r.payload.offset_minutes}`));

/** A clinic-local wall-clock time on the day `days` from today, as an instant. */
async function localTime(timeZone: string, days: number, hhmm: string): Promise<Date> {
  const { rows } = await testPool().query<{ at: Date }>(
    "select ((now() at time zone $1)::date + $2::integer + $3::time) at time zone $1 as at",
    [timeZone, days, hhmm],
  );
  return rows[0]!.at;
}

/** Opens n app-pool connections at once and returns them to the pool idle. */
async function warmAppPool(n: number): Promise<void> {
  const clients = await Promise.all(Array.from({ length: n }, () => getPool().connect()));
  for (const c of clients) c.release();
}

beforeAll(async () => {
  await useStandInDatabase("notify_reminders");
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("appointment reminders", () => {
  it("queues one reminder per appointment per offset however many times the job runs", async () => {
    const s = await setupClinic();
    const client = await newClient(s);
    const id = await book(s, client.id, fromNow(20 * HOUR));
    const first = await enqueueDueReminders(10_000);
    expect(first.itemsDone).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 3; i++) await enqueueDueReminders(10_000);
    const rows = await remindersFor(client.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "email", recipient: client.user!.email, status: "pending" });
    expect(rows[0]!.payload.items.map((i) => i.appointment_id)).toEqual([id]);
    expect(rows[0]!.payload.offset_minutes).toBe(1440);
    await deliverOutbox(10_000, devMailbox);
    expect((await remindersFor(client.id))[0]!.status).toBe("sent");
  });

  it("two concurrent reminder runs, and overlapping batches that bypass the lock, give one message per appointment per offset", async () => {
    const s = await setupClinic();
    const clients = await Promise.all(Array.from({ length: 24 }, () => newClient(s)));
    const ids: string[] = [];
    for (const [i, c] of clients.entries()) ids.push(await book(s, c.id, fromNow(3 * HOUR + i * 35 * MINUTE)));
    // Two open connections first: on a loaded machine the app pool's idle ones may have timed out during the
    // setup, and a run waiting for a new connection could start only after the other had finished.
    await warmAppPool(2);
    const [a, b] = await Promise.all([
      enqueueDueReminders(10_000, { batchSize: 5 }),
      enqueueDueReminders(10_000, { batchSize: 5 }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["skipped", "succeeded"]);
    // Now add appointments and race raw batches without the job lock: the reminder record is the guard.
    const more = await Promise.all(Array.from({ length: 12 }, () => newClient(s)));
    for (const [i, c] of more.entries())
      ids.push(
        await book(s, c.id, fromNow(3 * HOUR + i * 35 * MINUTE), {
          vetId: (await addStaff(s.clinic.id, "vet")).userId,
        }),
      );
    await Promise.all(
      Array.from({ length: 4 }, () =>
        asSystem(async (db) => {
          for (let r = await enqueueDueRemindersBatch(db, 3); r.more; r = await enqueueDueRemindersBatch(db, 3)) {
            /* drain */
          }
        }),
      ),
    );
    const all = (await Promise.all([...clients, ...more].map((c) => remindersFor(c.id)))).flat();
    const covered = coveredAppointments(all);
    expect(covered.sort()).toEqual(ids.map((id) => `${id}:1440`).sort());
  });

  it("sends one message per client per clinic-day covering several pets, with times in the clinic's zone", async () => {
    const zone = "America/Sao_Paulo";
    const s = await setupClinic({ timeZone: zone, offsets: [10080] });
    const client = await newClient(s, { locale: "es" });
    const day = 3;
    const late = await book(s, client.id, await localTime(zone, day, "22:30"), { petName: "Luna" });
    const early = await book(s, client.id, await localTime(zone, day, "09:00"), { petName: "Milo" });
    const noon = await book(s, client.id, await localTime(zone, day, "12:00"), { petName: "Kiwi" });
    const nextDay = await book(s, client.id, await localTime(zone, day + 1, "09:00"), { petName: "Luna" });
    await enqueueDueReminders(10_000);
    const rows = await remindersFor(client.id);
    expect(rows).toHaveLength(2);
    const [sameDay, other] = rows[0]!.payload.items.length === 3 ? [rows[0]!, rows[1]!] : [rows[1]!, rows[0]!];
    expect(sameDay.payload.items.map((i) => [i.appointment_id, i.starts_at_local])).toEqual([
      [early, "09:00"],
      [noon, "12:00"],
      [late, "22:30"],
    ]);
    expect(other.payload.items.map((i) => i.appointment_id)).toEqual([nextDay]);
    const { rows: days } = await testPool().query<{ d: string }>(
      "select ((now() at time zone $1)::date + 3)::text as d",
      [zone],
    );
    expect(sameDay.payload.local_day).toBe(days[0]?.d);
    const text = renderMessage("appointment.reminder", "es", sameDay.payload, { appUrl: "http://x" });
    expect(sameDay.locale).toBe("es");
    expect(text.subject).toMatch(/^Recordatorio: Milo, Kiwi y Luna en /);
    expect(text.text).toContain("• 22:30: Luna, Check-up con");
  });

  it("never sends a stale reminder after a reschedule or cancellation, and reminds the new time", async () => {
    // A 7-day window so both appointments sit on one clinic-local day whatever the time of the run.
    const s = await setupClinic({ offsets: [10080] });
    const client = await newClient(s);
    const moved = await book(s, client.id, await localTime(s.clinic.timeZone, 2, "10:00"), { petName: "Moved" });
    const cancelled = await book(s, client.id, await localTime(s.clinic.timeZone, 2, "11:00"), {
      petName: "Cancelled",
    });
    const other = await newClient(s);
    await book(s, other.id, await localTime(s.clinic.timeZone, 2, "12:00"), { petName: "Kept" });
    await enqueueDueReminders(10_000);
    expect((await remindersFor(client.id)).length).toBe(1);

    // Reschedule one to a later day (outside the window) and cancel the other before delivery.
    await testPool().query(
      "update public.appointments set starts_at = starts_at + interval '10 days', ends_at = ends_at + interval '10 days', sequence = sequence + 1 where id = $1",
      [moved],
    );
    await testPool().query("update public.appointments set status = 'cancelled', cancelled_at = now() where id = $1", [
      cancelled,
    ]);
    await deliverOutbox(10_000, devMailbox);
    const [stale] = await remindersFor(client.id);
    expect(stale).toMatchObject({ status: "cancelled" });
    expect(stale!.last_error).toBe("2 of 2 appointments were cancelled, moved or already started");
    expect((await remindersFor(other.id))[0]!.status).toBe("sent");

    // The new time is reminded when it enters its window, with a new key (the start time is part of it).
    const newTime = await localTime(s.clinic.timeZone, 4, "09:30");
    await testPool().query(
      "update public.appointments set starts_at = $2, ends_at = $2::timestamptz + interval '30 minutes' where id = $1",
      [moved, newTime],
    );
    await enqueueDueReminders(10_000);
    const after = await remindersFor(client.id);
    expect(after).toHaveLength(2);
    expect(after[1]!.dedupe_key).not.toBe(after[0]!.dedupe_key);
    expect(after[1]!.payload.items.map((i) => i.appointment_id)).toEqual([moved]);
    await deliverOutbox(10_000, devMailbox);
    expect((await remindersFor(client.id))[1]!.status).toBe("sent");
  });

  it("cancels a day's message when one of its pets is cancelled, and re-reminds the others in a fresh one", async () => {
    const s = await setupClinic({ offsets: [10080] });
    const client = await newClient(s);
    const a = await book(s, client.id, await localTime(s.clinic.timeZone, 2, "10:00"), { petName: "A" });
    const b = await book(s, client.id, await localTime(s.clinic.timeZone, 2, "10:30"), { petName: "B" });
    await enqueueDueReminders(10_000);
    await testPool().query("update public.appointments set status = 'cancelled', cancelled_at = now() where id = $1", [
      b,
    ]);
    await deliverOutbox(10_000, devMailbox);
    await enqueueDueReminders(10_000);
    await deliverOutbox(10_000, devMailbox);
    const rows = await remindersFor(client.id);
    expect(rows.map((r) => r.status)).toEqual(["cancelled", "sent"]);
    expect(rows[1]!.payload.items.map((i) => i.appointment_id)).toEqual([a]);
  });

  it("sends only the nearest reminder for an appointment booked inside the short window", async () => {
    const s = await setupClinic();
    const client = await newClient(s);
    await book(s, client.id, fromNow(1 * HOUR));
    await enqueueDueReminders(10_000);
    const rows = await remindersFor(client.id);
    expect(rows.map((r) => r.payload.offset_minutes)).toEqual([120]);
  });

  it("follows channel preferences and consent", async () => {
    const s = await setupClinic();
    const smsFan = await newClient(s, { preferred_channel: "sms", sms_reminders: true, phone: "+34 600 111 222" });
    const smsOnly = await newClient(s, {
      preferred_channel: "sms",
      sms_reminders: true,
      email_reminders: false,
      phone: "+34 600 111 333",
    });
    const smsNoPhone = await newClient(s, { preferred_channel: "sms", sms_reminders: true });
    const optedOut = await newClient(s, { email_reminders: false, sms_reminders: false });
    let h = 3;
    for (const c of [smsFan, smsOnly, smsNoPhone, optedOut]) await book(s, c.id, fromNow((h += 1) * HOUR));
    await enqueueDueReminders(10_000);
    expect((await remindersFor(smsFan.id))[0]).toMatchObject({ channel: "sms", recipient: "+34 600 111 222" });
    expect((await remindersFor(smsFan.id))[0]!.payload.email_fallback).toBe(true);
    expect((await remindersFor(smsOnly.id))[0]!.payload.email_fallback).toBe(false);
    expect((await remindersFor(smsNoPhone.id))[0]).toMatchObject({
      channel: "email",
      recipient: smsNoPhone.user!.email,
    });
    expect(await remindersFor(optedOut.id)).toEqual([]);
    const { rows } = await testPool().query<{ skipped_reason: string }>(
      "select skipped_reason from private.appointment_reminders where client_id = $1",
      [optedOut.id],
    );
    expect(rows).toEqual([{ skipped_reason: "client opted out of reminders" }]);
  });

  it("respects a clinic that turned reminders off", async () => {
    const s = await setupClinic();
    await testPool().query("update public.clinic_reminder_settings set enabled = false where clinic_id = $1", [
      s.clinic.id,
    ]);
    const client = await newClient(s);
    await book(s, client.id, fromNow(5 * HOUR));
    await enqueueDueReminders(10_000);
    expect(await remindersFor(client.id)).toEqual([]);
  });
});
