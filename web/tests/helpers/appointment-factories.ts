// Appointment test data: services, vets with working hours, booking rules, clients with pets, and
// "racers" (one connection each, signed in as a user, RLS applying) for concurrency tests.
// Writes go through the owner connection like seed data; tests then act as users through the functions.
import type { PoolClient } from "pg";
import { addStaff, createClient, createPet, createUser, testPool, type TestUser } from "./factories";
import { daysFromToday } from "./dates";

export interface TestService {
  id: string;
  durationMinutes: number;
}

export async function createService(
  clinicId: string,
  opts: {
    name?: string;
    durationMinutes?: number;
    bufferBefore?: number;
    bufferAfter?: number;
    bookableOnline?: boolean;
    instructions?: string;
  } = {},
): Promise<TestService> {
  const durationMinutes = opts.durationMinutes ?? 30;
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.services (clinic_id, name, duration_minutes, buffer_before_minutes, buffer_after_minutes, bookable_online, instructions, price_cents)
     values ($1, $2, $3, $4, $5, $6, $7, 4500) returning id`,
    [
      clinicId,
      opts.name ?? "Checkup",
      durationMinutes,
      opts.bufferBefore ?? 0,
      opts.bufferAfter ?? 0,
      opts.bookableOnline ?? true,
      opts.instructions ?? null,
    ],
  );
  return { id: (rows[0] as { id: string }).id, durationMinutes };
}

export interface WeeklyInterval {
  weekday: number; // ISO: 1 = Monday .. 7 = Sunday
  start: string; // "09:00"
  end: string; // "17:00" or "24:00"
}

export const everyDay = (start: string, end: string): WeeklyInterval[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

/** Adds a vet to the clinic, assigns them to the services and gives them weekly hours (default 09:00-17:00 daily). */
export async function createVet(
  clinicId: string,
  opts: { serviceIds?: string[]; hours?: WeeklyInterval[]; name?: string } = {},
): Promise<TestUser> {
  const vet = await addStaff(clinicId, "vet", await createUser({ name: opts.name }));
  for (const serviceId of opts.serviceIds ?? []) await assignVet(clinicId, serviceId, vet.userId);
  await setWeeklyHours(clinicId, vet.userId, opts.hours ?? everyDay("09:00", "17:00"));
  return vet;
}

export async function assignVet(clinicId: string, serviceId: string, vetId: string): Promise<void> {
  await testPool().query("insert into public.service_vets (clinic_id, service_id, vet_id) values ($1, $2, $3)", [
    clinicId,
    serviceId,
    vetId,
  ]);
}

export async function setWeeklyHours(clinicId: string, vetId: string, hours: WeeklyInterval[]): Promise<void> {
  for (const h of hours) {
    await testPool().query(
      "insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time) values ($1, $2, $3, $4, $5)",
      [clinicId, vetId, h.weekday, h.start, h.end],
    );
  }
}

export interface TestRules {
  minNoticeMinutes?: number;
  maxDaysAhead?: number;
  granularity?: number;
  changeWindowHours?: number;
  requireConfirmation?: boolean;
  /** upcoming visits a client may book per pet; generous unless a test is about the limit */
  maxOpenPerPet?: number;
}

export async function setBookingRules(clinicId: string, r: TestRules): Promise<void> {
  await testPool().query(
    `insert into public.clinic_booking_rules (clinic_id, min_notice_minutes, max_days_ahead, slot_granularity_minutes, client_change_window_hours, require_confirmation, max_open_appointments_per_pet)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (clinic_id) do update set min_notice_minutes = excluded.min_notice_minutes, max_days_ahead = excluded.max_days_ahead,
       slot_granularity_minutes = excluded.slot_granularity_minutes, client_change_window_hours = excluded.client_change_window_hours,
       require_confirmation = excluded.require_confirmation, max_open_appointments_per_pet = excluded.max_open_appointments_per_pet`,
    [
      clinicId,
      r.minNoticeMinutes ?? 0,
      r.maxDaysAhead ?? 365,
      r.granularity ?? 15,
      r.changeWindowHours ?? 24,
      r.requireConfirmation ?? false,
      r.maxOpenPerPet ?? 50,
    ],
  );
}

export interface TestOwner {
  user: TestUser;
  clientId: string;
  petId: string;
}

/** A person with a login, a client record in the clinic and one pet. */
export async function createPetOwner(clinicId: string, opts: { locale?: "en" | "es" } = {}): Promise<TestOwner> {
  const user = await createUser({ locale: opts.locale });
  const client = await createClient(clinicId, { user });
  const pet = await createPet(clinicId, client.id);
  return { user, clientId: client.id, petId: pet.id };
}

/** The instant of a local wall-clock time in a zone, computed by PostgreSQL: (date + time) at time zone tz. */
export async function localInstant(timeZone: string, date: string, time: string): Promise<Date> {
  const { rows } = await testPool().query<{ at: Date }>("select ($1::date + $2::time) at time zone $3 as at", [
    date,
    time,
    timeZone,
  ]);
  return (rows[0] as { at: Date }).at;
}

/** The local date `days` days after today in the zone, as YYYY-MM-DD. */
export async function localDateFromToday(timeZone: string, days: number): Promise<string> {
  return daysFromToday(days, timeZone);
}

export interface Racer {
  client: PoolClient;
  run<R>(sql: string, params?: unknown[]): Promise<R[]>;
  finish(ok: boolean): Promise<void>;
}

/**
 * Opens a dedicated connection signed in as `user` (transaction begun, request.jwt.claims set, role
 * authenticated), so many racers can be prepared first and then fire at the same moment.
 */
export async function openRacer(user: TestUser): Promise<Racer> {
  const client = await testPool().connect();
  await client.query("begin");
  await client.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: user.userId, role: "authenticated" }),
  ]);
  await client.query("set local role authenticated");
  return {
    client,
    async run<R>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as R[];
    },
    async finish(ok: boolean) {
      try {
        await client.query(ok ? "commit" : "rollback");
      } finally {
        client.release();
      }
    },
  };
}

export interface RaceOutcome<R> {
  ok: R[];
  errors: { code?: string; message: string }[];
}

/**
 * Prepares one racer per user, then fires every statement at once. Each racer commits when its statement
 * succeeds and rolls back when it fails, like a request handler would.
 */
export async function race<R>(
  users: TestUser[],
  statement: (i: number) => { sql: string; params: unknown[] },
): Promise<RaceOutcome<R>> {
  const racers = await Promise.all(users.map((u) => openRacer(u)));
  const results = await Promise.allSettled(
    racers.map(async (r, i) => {
      const { sql, params } = statement(i);
      try {
        const rows = await r.run<R>(sql, params);
        await r.finish(true);
        return rows[0] as R;
      } catch (err) {
        await r.finish(false);
        throw err;
      }
    }),
  );
  const outcome: RaceOutcome<R> = { ok: [], errors: [] };
  for (const res of results) {
    if (res.status === "fulfilled") outcome.ok.push(res.value);
    else {
      const e = res.reason as { code?: string; message?: string };
      outcome.errors.push({ code: e.code, message: e.message ?? String(e) });
    }
  }
  return outcome;
}
