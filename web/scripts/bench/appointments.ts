// Benchmark: booking contention (N racers, one slot), booking throughput on distinct slots as a ratio to a
// writes-only floor measured in the same run (what a booking must write, without its checks; a plain
// single-row INSERT is measured beside both for scale), and availability latency for 14 days x 10 vets with
// 50,000 existing appointments (client round trip and EXPLAIN ANALYZE time inside the database).
// Starts its own throwaway PostgreSQL. Run: npm run bench appointments
// Sizes (environment): BENCH_RACERS (50) clients racing for one slot; BENCH_BOOKINGS (600) rows per path and
// round; BENCH_THROUGHPUT_ROUNDS (5) measured rounds after one warm-up; BENCH_CONCURRENCY (4) connections;
// BENCH_EXISTING (50000) seeded appointments; BENCH_LATENCY_CALLS (200) availability calls.
// Writes its section of documentation/benchmarks.md through web/scripts/bench-support/appointments-report.ts.
import { Client, Pool, type PoolClient } from "pg";
import { migrate } from "../../lib/db/migrate";
import { type ThroughputRound, writeAppointmentsSection } from "../bench-support/appointments-report";
import { BENCH_TZ as TZ, createBenchClinic, distinctSlots, type BenchClinic } from "../bench-support/bench-clinic";
import { median, percentile as pct, runWorkers } from "../bench-support/measure";
import { WRITES_ONLY_BOOKING_SQL } from "../bench-support/writes-only-booking";
import { startEmbeddedPostgres } from "../embedded-postgres";

const RACERS = Number(process.env.BENCH_RACERS ?? 50);
const CONTENTION_ROUNDS = 3;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const THROUGHPUT_ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 5);
const EXISTING = Number(process.env.BENCH_EXISTING ?? 50_000);
const LATENCY_CALLS = Number(process.env.BENCH_LATENCY_CALLS ?? 200);
const CHUNK = 50;
const VETS = 10;
const OWNERS = 1000;

type Owner = BenchClinic["owners"][number];
type Slot = { at: Date; vetId: string };

/**
 * 50,000 confirmed appointments (5,000 per vet) on a 45 minute local grid, about 60% of slots taken, from 400
 * days ago onwards (about 240 days into the future). Pets rotate so that no pet is in two places at once.
 */
async function seedExisting(db: Client, f: BenchClinic): Promise<number> {
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
       on o.i = (s.k * 10 + v.n) % $6
     on conflict do nothing`,
    [f.clinicId, f.serviceId, f.vetIds, TZ, Math.ceil(EXISTING / VETS), OWNERS],
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

async function contention(pool: Pool, f: BenchClinic, daysAhead: number) {
  const { rows } = await pool.query<{ t: Date }>(
    `select ((now() at time zone $1)::date + $2::int + time '12:15') at time zone $1 as t`,
    [TZ, daysAhead],
  );
  const at = rows[0]?.t;
  const racers = await Promise.all(f.owners.slice(0, RACERS).map((o) => signedIn(pool, o.userId)));
  const t0 = performance.now();
  const results = await Promise.allSettled(
    racers.map(async (c, i) => {
      const o = f.owners[i] as Owner;
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

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-appts", throwaway: true, database: "vete_bench" });
  const pool = new Pool({ connectionString: pg.url, max: RACERS + 5 });
  pool.on("error", () => undefined); // idle clients see the server stop at the very end
  try {
    await migrate(pg.url);
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const f = await createBenchClinic(db, { slug: "bench-appts", vets: VETS, owners: OWNERS });
    await db.query(WRITES_ONLY_BOOKING_SQL);
    const t0 = performance.now();
    const existing = await seedExisting(db, f);
    console.log(`seeded ${existing} appointments for ${VETS} vets in ${Math.round(performance.now() - t0)} ms`);

    // 1. Availability latency: 14 local days, all 10 vets, as a signed-in client (RLS path).
    const client = await signedIn(pool, (f.owners[0] as Owner).userId);
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

    // 3. Throughput on distinct slots: the booking, its writes-only floor and a plain INSERT, each one
    // transaction per row, in interleaved rounds (the order rotates) so a burst of load from other jobs on this
    // shared machine hits every path alike; the headline is the median of the per-round booking / floor ratios.
    const perPath = BOOKINGS * (THROUGHPUT_ROUNDS + 1);
    const insertSlots = await distinctSlots(pool, f, 350, perPath);
    const floorSlots = await distinctSlots(pool, f, 450, perPath);
    const bookSlots = await distinctSlots(pool, f, 550, perPath);
    const slotAt = (slots: Slot[], i: number) => slots[i] as Slot;
    const ownerOf = (i: number) => f.owners[i % f.owners.length] as Owner;
    const plainInsert = async (i: number) => {
      const s = slotAt(insertSlots, i);
      const o = ownerOf(i);
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
    };
    // The app's own path for both: withUser() (begin + claims + role in one round trip), one call, commit.
    process.env.DATABASE_URL = pg.url;
    process.env.DATABASE_POOL_MAX = String(CONCURRENCY);
    const { withUser } = await import("../../lib/db/context");
    const { rpc } = await import("../../lib/db/rpc");
    const { closePool } = await import("../../lib/db/pool");
    await import("../../lib/appointments/rpc-types");
    let floorErrors = 0;
    let bookingErrors = 0;
    const writesOnly = async (i: number) => {
      const s = slotAt(floorSlots, i);
      const o = ownerOf(i);
      try {
        await withUser({ userId: o.userId, email: "bench@example.test" }, (udb) =>
          udb.query(
            `select * from bench.book_appointment_writes(p_clinic_id => $1, p_client_id => $2, p_pet_id => $3,
                 p_service_id => $4, p_vet_id => $5, p_starts_at => $6)`,
            [f.clinicId, o.clientId, o.petId, f.serviceId, s.vetId, s.at.toISOString()],
          ),
        );
      } catch (err) {
        if (!floorErrors++) console.error("writes-only floor failed:", err);
      }
    };
    const booking = async (i: number) => {
      const s = slotAt(bookSlots, i);
      const o = ownerOf(i);
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
      } catch (err) {
        if (!bookingErrors++) console.error("booking failed:", err);
      }
    };
    // One unmeasured round warms every path up (JIT in this process, plan and catalog caches in the backends).
    // Within a round the paths take turns in chunks of CHUNK rows (the order rotating), so a burst of load from
    // other jobs on the machine, or autovacuum, falls on every path alike instead of on one path's whole round.
    const paths = [plainInsert, writesOnly, booking];
    const throughputRounds: ThroughputRound[] = [];
    for (let r = 0; r <= THROUGHPUT_ROUNDS; r++) {
      const spent = paths.map(() => ({ ms: 0, cpuUs: 0 }));
      for (let done = 0, turn = r; done < BOOKINGS; done += CHUNK, turn++) {
        const n = Math.min(CHUNK, BOOKINGS - done);
        for (let k = 0; k < paths.length; k++) {
          const p = (turn + k) % paths.length;
          const job = paths[p] as (typeof paths)[number];
          const acc = spent[p] as (typeof spent)[number];
          const cpu0 = process.cpuUsage();
          acc.ms += await runWorkers(n, CONCURRENCY, (i) => job(r * BOOKINGS + done + i));
          const cpu = process.cpuUsage(cpu0);
          acc.cpuUs += cpu.user + cpu.system;
        }
      }
      const [plain, floor, book] = spent.map((x) => ({
        perSec: (BOOKINGS / x.ms) * 1000,
        nodeMs: x.cpuUs / BOOKINGS / 1000,
      })) as [
        { perSec: number; nodeMs: number },
        { perSec: number; nodeMs: number },
        { perSec: number; nodeMs: number },
      ];
      if (r === 0) continue;
      const round: ThroughputRound = {
        insertPerSec: plain.perSec,
        floorPerSec: floor.perSec,
        bookPerSec: book.perSec,
        ratio: book.perSec / floor.perSec,
        floorToInsert: floor.perSec / plain.perSec,
        bookToInsert: book.perSec / plain.perSec,
        nodeMs: [plain.nodeMs, floor.nodeMs, book.nodeMs],
      };
      throughputRounds.push(round);
      console.log(
        `throughput round ${r} (${BOOKINGS} rows, ${CONCURRENCY} connections): plain INSERT ${plain.perSec.toFixed(0)}/s; writes-only floor ${floor.perSec.toFixed(0)}/s; book_appointment ${book.perSec.toFixed(0)}/s; booking / floor ${round.ratio.toFixed(2)}, floor / INSERT ${round.floorToInsert.toFixed(2)}`,
      );
    }
    await closePool();
    const ratio = median(throughputRounds.map((x) => x.ratio));
    console.log(
      `throughput: median booking / writes-only floor ${ratio.toFixed(2)} over ${THROUGHPUT_ROUNDS} rounds; errors: floor ${floorErrors}, booking ${bookingErrors}`,
    );

    await db.end();
    // every row goes to its own free slot, so any error means the numbers measure something else
    if (floorErrors || bookingErrors) throw new Error("errors in the throughput run; documentation not written");
    writeAppointmentsSection(
      { existing, latency, rounds, throughputRounds, ratio, floorErrors, bookingErrors },
      { BOOKINGS, CONCURRENCY, LATENCY_CALLS, RACERS, VETS, THROUGHPUT_ROUNDS, CHUNK },
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
