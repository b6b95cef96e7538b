// Benchmark: booking contention (N racers, one slot), booking throughput on distinct slots as a ratio to a
// plain single-row INSERT measured in the same run, and availability latency for 14 days x 10 vets with
// 50,000 existing appointments (client round trip and EXPLAIN ANALYZE time inside the database).
// Starts its own throwaway PostgreSQL. Run: npm run bench appointments
// Writes its section of documentation/benchmarks.md through web/scripts/bench-support/appointments-report.ts.
import { Client, Pool, type PoolClient } from "pg";
import { migrate } from "../../lib/db/migrate";
import { type ThroughputRound, writeAppointmentsSection } from "../bench-support/appointments-report";
import { startEmbeddedPostgres } from "../embedded-postgres";

const RACERS = Number(process.env.BENCH_RACERS ?? 50);
const CONTENTION_ROUNDS = 3;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const THROUGHPUT_ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 5);
const EXISTING = Number(process.env.BENCH_EXISTING ?? 50_000);
const LATENCY_CALLS = Number(process.env.BENCH_LATENCY_CALLS ?? 200);
const VETS = 10;
const TZ = "Europe/Madrid";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

interface Fixture {
  clinicId: string;
  serviceId: string;
  vetIds: string[];
  owners: { userId: string; petId: string; clientId: string }[];
}

async function setUp(db: Client): Promise<Fixture> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as T;
  const { id: clinicId } = await one<{ id: string }>(
    `insert into public.clinics (slug, name, time_zone, currency) values ('bench-appts', 'Bench', $1, 'EUR') returning id`,
    [TZ],
  );
  await db.query(
    `update public.clinic_booking_rules set min_notice_minutes = 0, max_days_ahead = 730, slot_granularity_minutes = 15 where clinic_id = $1`,
    [clinicId],
  );
  const { id: serviceId } = await one<{ id: string }>(
    `insert into public.services (clinic_id, name, duration_minutes, buffer_after_minutes) values ($1, 'Check-up', 30, 10) returning id`,
    [clinicId],
  );
  await db.query(
    `with u as (insert into public.users (name, email, email_verified) select 'Vet ' || g, 'bench-vet' || g || '@bench.test', true from generate_series(1, $2) g returning id)
     insert into public.clinic_memberships (clinic_id, user_id, role) select $1, id, 'vet' from u`,
    [clinicId, VETS],
  );
  const vetIds = (
    await db.query<{ user_id: string }>(
      `select user_id from public.clinic_memberships where clinic_id = $1 and role = 'vet' order by user_id`,
      [clinicId],
    )
  ).rows.map((r) => r.user_id);
  await db.query(`insert into public.service_vets (clinic_id, service_id, vet_id) select $1, $2, unnest($3::uuid[])`, [
    clinicId,
    serviceId,
    vetIds,
  ]);
  await db.query(
    `insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time)
     select $1, v, d, t.s, t.e from unnest($2::uuid[]) v, generate_series(1, 7) d, (values (time '08:00', time '13:00'), (time '14:00', time '20:00')) t(s, e)`,
    [clinicId, vetIds],
  );
  await db.query(
    `with u as (insert into public.users (name, email, email_verified) select 'Owner ' || g, 'bench-owner' || g || '@bench.test', true from generate_series(1, 1000) g returning id, name, email),
     c as (insert into public.clients (clinic_id, user_id, full_name, email) select $1, id, name, email from u returning id)
     insert into public.pets (clinic_id, client_id, name, species) select $1, id, 'Pet', 'dog' from c`,
    [clinicId],
  );
  const owners = (
    await db.query<{ userId: string; petId: string; clientId: string }>(
      `select c.user_id as "userId", p.id as "petId", c.id as "clientId" from public.clients c join public.pets p on p.client_id = c.id where c.clinic_id = $1 order by c.full_name`,
      [clinicId],
    )
  ).rows;
  return { clinicId, serviceId, vetIds, owners };
}

/**
 * 50,000 confirmed appointments (5,000 per vet) on a 45 minute local grid, about 60% of slots taken, from 400
 * days ago onwards (about 240 days into the future). Pets rotate so that no pet is in two places at once.
 */
async function seedExisting(db: Client, f: Fixture): Promise<number> {
  await db.query(
    `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_after_minutes, status)
     select $1, o.client_id, o.pet_id, $2, v.vet_id, s.t, s.t + interval '30 minutes', 10,
            case when s.t < now() then 'completed' else 'confirmed' end::public.appointment_status
     from unnest($3::uuid[]) with ordinality v(vet_id, n)
     cross join lateral (
       select k, ((now() at time zone $4)::date - 400 + (k / 15) + time '08:00' + (k % 15) * interval '45 minutes') at time zone $4 as t
       from generate_series(0, 15 * 900) k
       where ((k * 7919 + v.n * 104729) % 10) < 6 and not (k % 15 between 6 and 7)
       limit $5
     ) s
     join (select row_number() over (order by c.id) - 1 as i, c.id as client_id, p.id as pet_id
           from public.clients c join public.pets p on p.client_id = c.id where c.clinic_id = $1) o
       on o.i = (s.k * 10 + v.n) % 1000
     on conflict do nothing`,
    [f.clinicId, f.serviceId, f.vetIds, TZ, Math.ceil(EXISTING / VETS)],
  );
  // vacuum too: otherwise autovacuum visits the freshly loaded table during the measurements
  await db.query("vacuum analyze");
  return Number((await db.query<{ n: string }>("select count(*) as n from public.appointments")).rows[0]?.n);
}

async function signedIn(pool: Pool, userId: string): Promise<PoolClient> {
  const c = await pool.connect();
  await c.query("begin");
  await c.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: userId, role: "authenticated" }),
  ]);
  await c.query("set local role authenticated");
  return c;
}

async function contention(pool: Pool, f: Fixture, daysAhead: number) {
  const { rows } = await pool.query<{ t: Date }>(
    `select ((now() at time zone $1)::date + $2::int + time '12:15') at time zone $1 as t`,
    [TZ, daysAhead],
  );
  const at = rows[0]?.t;
  const racers = await Promise.all(f.owners.slice(0, RACERS).map((o) => signedIn(pool, o.userId)));
  const t0 = performance.now();
  const results = await Promise.allSettled(
    racers.map(async (c, i) => {
      const o = f.owners[i] as Fixture["owners"][number];
      try {
        await c.query(
          "select id from public.book_appointment(p_clinic_id => $1, p_pet_id => $2, p_service_id => $3, p_starts_at => $4, p_vet_id => $5)",
          [f.clinicId, o.petId, f.serviceId, at, f.vetIds[0]],
        );
        await c.query("commit");
      } catch (err) {
        await c.query("rollback");
        throw err;
      } finally {
        c.release();
      }
    }),
  );
  const wall = performance.now() - t0;
  const ok = results.filter((r) => r.status === "fulfilled").length;
  const conflicts = results.filter(
    (r) => r.status === "rejected" && (r.reason as { message?: string }).message === "slot_taken",
  ).length;
  return { ok, conflicts, other: RACERS - ok - conflicts, wall };
}

/** Runs `total` jobs with `concurrency` workers; returns jobs per second and this process's CPU per job (ms). */
async function throughput(
  total: number,
  job: (i: number) => Promise<void>,
): Promise<{ perSec: number; nodeMs: number }> {
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < total; i = next++) await job(i);
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return { perSec: (total / (performance.now() - t0)) * 1000, nodeMs: (cpu.user + cpu.system) / total / 1000 };
}

/**
 * Distinct free slots beyond the seeded appointments, 8 per vet and day from 14:00, 45 minutes apart so
 * buffers never collide; consecutive rows go to different vets, as concurrent bookings usually do (writers
 * of the same vet and day queue behind one advisory lock, see migration 106).
 */
async function distinctSlots(
  pool: Pool,
  f: Fixture,
  firstDay: number,
  n: number,
): Promise<{ at: Date; vetId: string }[]> {
  const { rows } = await pool.query<{ t: Date; v: string }>(
    `select ((now() at time zone $1)::date + $2::int + (k / (8 * $4::int)) + time '14:00' + (((k / $4::int) % 8) * interval '45 minutes')) at time zone $1 as t,
            ($3::uuid[])[1 + k % $4::int] as v
     from generate_series(0, $5::int - 1) k`,
    [TZ, firstDay, f.vetIds, VETS, n],
  );
  return rows.map((r) => ({ at: r.t, vetId: r.v }));
}

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-appts", throwaway: true, database: "vete_bench" });
  const pool = new Pool({ connectionString: pg.url, max: RACERS + 5 });
  pool.on("error", () => undefined); // idle clients see the server stop at the very end
  try {
    await migrate(pg.url);
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const f = await setUp(db);
    const t0 = performance.now();
    const existing = await seedExisting(db, f);
    console.log(`seeded ${existing} appointments for ${VETS} vets in ${Math.round(performance.now() - t0)} ms`);

    // 1. Availability latency: 14 local days, all 10 vets, as a signed-in client (RLS path).
    const client = await signedIn(pool, (f.owners[0] as Fixture["owners"][number]).userId);
    const rtt: number[] = [];
    const inDb: number[] = [];
    let slotCount = 0;
    for (let i = 0; i < LATENCY_CALLS; i++) {
      const start = 1 + (i % 30);
      const args = [f.clinicId, f.serviceId, start, start + 13, TZ];
      const sql = `select * from public.list_available_slots(p_clinic_id => $1, p_service_id => $2,
        p_from => (now() at time zone $5)::date + $3::int, p_to => (now() at time zone $5)::date + $4::int)`;
      const a = performance.now();
      const r = await client.query(sql, args);
      rtt.push(performance.now() - a);
      slotCount += r.rowCount ?? 0;
      const plan = await client.query<{ "QUERY PLAN": [{ "Execution Time": number }] }>(
        `explain (analyze, format json) ${sql}`,
        args,
      );
      inDb.push(plan.rows[0]?.["QUERY PLAN"][0]["Execution Time"] ?? NaN);
    }
    await client.query("rollback");
    client.release();
    const latency = {
      p50: pct(rtt, 50),
      p95: pct(rtt, 95),
      dbP50: pct(inDb, 50),
      dbP95: pct(inDb, 95),
      slots: Math.round(slotCount / LATENCY_CALLS),
    };
    console.log(
      `availability 14 days x ${VETS} vets, ${existing} appointments: round trip p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms; in database p50 ${latency.dbP50.toFixed(1)} ms, p95 ${latency.dbP95.toFixed(1)} ms; ~${latency.slots} slots per answer`,
    );

    // 2. Contention: N racers, one vet, one slot.
    const rounds = [];
    for (let r = 0; r < CONTENTION_ROUNDS; r++) {
      const c = await contention(pool, f, 300 + r);
      rounds.push(c);
      console.log(
        `contention round ${r + 1}: ${RACERS} racers -> ${c.ok} booked, ${c.conflicts} slot_taken, ${c.other} other errors, ${Math.round(c.wall)} ms wall`,
      );
    }

    // 3. Throughput on distinct slots vs a plain single-row INSERT (same envelope: one transaction per row),
    // in interleaved rounds (the order alternates) so a burst of load from other jobs hits both paths alike;
    // the headline is the median of the per-round ratios.
    const baseSlots = await distinctSlots(pool, f, 350, BOOKINGS * (THROUGHPUT_ROUNDS + 1));
    const bookSlots = await distinctSlots(pool, f, 450, BOOKINGS * (THROUGHPUT_ROUNDS + 1));
    const plainInsert = (offset: number) =>
      throughput(BOOKINGS, async (i) => {
        const s = baseSlots[offset + i] as { at: Date; vetId: string };
        const o = f.owners[i % f.owners.length] as Fixture["owners"][number];
        const c = await pool.connect();
        try {
          await c.query("begin");
          await c.query(
            `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_after_minutes)
             values ($1, $2, $3, $4, $5, $6, $6::timestamptz + interval '30 minutes', 10)`,
            [f.clinicId, o.clientId, o.petId, f.serviceId, s.vetId, s.at],
          );
          await c.query("commit");
        } finally {
          c.release();
        }
      });
    // The app's own path: withUser() (begin + claims + role in one round trip), typed rpc(), commit.
    process.env.DATABASE_URL = pg.url;
    process.env.DATABASE_POOL_MAX = String(CONCURRENCY);
    const { withUser } = await import("../../lib/db/context");
    const { rpc } = await import("../../lib/db/rpc");
    const { closePool } = await import("../../lib/db/pool");
    await import("../../lib/appointments/rpc-types");
    let bookingErrors = 0;
    const booking = (offset: number) =>
      throughput(BOOKINGS, async (i) => {
        const s = bookSlots[offset + i] as { at: Date; vetId: string };
        const o = f.owners[i % f.owners.length] as Fixture["owners"][number];
        try {
          await withUser({ userId: o.userId, email: "bench@example.test" }, (udb) =>
            rpc(udb, "book_appointment", {
              p_clinic_id: f.clinicId,
              p_pet_id: o.petId,
              p_service_id: f.serviceId,
              p_starts_at: s.at.toISOString(),
              p_vet_id: s.vetId,
            }),
          );
        } catch {
          bookingErrors++;
        }
      });
    // One unmeasured round warms both paths up (JIT in this process, plan and catalog caches in the backends).
    const totalRounds = THROUGHPUT_ROUNDS + 1;
    const throughputRounds: ThroughputRound[] = [];
    for (let r = 0; r < totalRounds; r++) {
      const first = r % 2 === 0 ? plainInsert : booking;
      const second = r % 2 === 0 ? booking : plainInsert;
      const a = await first(r * BOOKINGS);
      const b = await second(r * BOOKINGS);
      const [plain, book] = r % 2 === 0 ? [a, b] : [b, a];
      if (r === 0) continue;
      throughputRounds.push({
        insertPerSec: plain.perSec,
        bookPerSec: book.perSec,
        ratio: book.perSec / plain.perSec,
        insertNodeMs: plain.nodeMs,
        bookNodeMs: book.nodeMs,
      });
      console.log(
        `throughput round ${r} (${BOOKINGS} rows, ${CONCURRENCY} connections): plain INSERT ${plain.perSec.toFixed(0)}/s; book_appointment as a client through withUser() + rpc() ${book.perSec.toFixed(0)}/s (ratio ${(book.perSec / plain.perSec).toFixed(2)}); node CPU per row ${plain.nodeMs.toFixed(2)} / ${book.nodeMs.toFixed(2)} ms`,
      );
    }
    await closePool();
    const ratio = pct(
      throughputRounds.map((x) => x.ratio),
      50,
    );
    console.log(
      `throughput: median ratio ${ratio.toFixed(2)} over ${THROUGHPUT_ROUNDS} rounds; booking errors ${bookingErrors}`,
    );

    await db.end();
    writeAppointmentsSection(
      { existing, latency, rounds, throughputRounds, ratio, bookingErrors },
      { BOOKINGS, CONCURRENCY, LATENCY_CALLS, RACERS, VETS, THROUGHPUT_ROUNDS },
    );
  } finally {
    await pool.end();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
