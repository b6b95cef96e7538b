// Benchmark: booking latency over HTTP against the built app, next to the app's own GET /api/health as the
// baseline measured in the same run: p50/p95 and requests per second at 1 and 10 concurrent clients, each
// client signed in as its own user, booking a distinct free slot with POST /api/clinics/<slug>/appointments
// (Idempotency-Key included, as the booking page sends it). Health does one database round trip, so the
// difference is what a booking costs the app on top of HTTP, Next's routing and a pooled connection.
// Starts a throwaway PostgreSQL and the app through web/scripts/start.ts (next build first unless
// SKIP_BUILD=1 reuses the last build). Run: npm run bench booking-http
// Sizes (environment): BENCH_HTTP_REQUESTS (200) measured requests per path and client count, the two paths
// taking turns in chunks; each client count first runs an unmeasured warm-up.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";
import { createBenchClinic, distinctSlots } from "../bench-support/bench-clinic";
import { writeBookingHttpSection, type HttpLevel, type HttpPathStats } from "../bench-support/booking-http-report";
import { percentile, runWorkers } from "../bench-support/measure";
import { startApp } from "../bench-support/start-app";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { runMain } from "../bench-support/run-main";

const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 200);
const CLIENT_COUNTS = [1, 10];
const WARM_UP = 20;
/** Requests per turn of one path: a few per client, so each turn runs at full concurrency most of the time. */
const chunkFor = (clients: number) => Math.max(10, 5 * clients);
const VETS = 10;
// at least VETS owners: consecutive slots share a time only across vets, so no pet is booked twice at once
const OWNERS = 20;
const PASSWORD = "bench-only-password-2026";

type Request = { path: string; init: RequestInit };
type Run = { latencies: number[]; ms: number; errors: number };

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Sends requests 0..n-1 on `clients` workers; latency is measured until the whole body has arrived. */
async function measure(
  url: string,
  n: number,
  clients: number,
  request: (i: number) => Request,
  expectStatus: number,
): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const ms = await runWorkers(n, clients, async (i) => {
    const { path, init } = request(i);
    const t0 = performance.now();
    const res = await fetch(`${url}${path}`, init);
    const body = await res.text();
    latencies.push(performance.now() - t0);
    if (res.status !== expectStatus && !errors++) console.error(`${path}: HTTP ${res.status} ${body.slice(0, 300)}`);
  });
  return { latencies, ms, errors };
}

function stats(runs: Run[]): HttpPathStats {
  const latencies = runs.flatMap((r) => r.latencies);
  const ms = runs.reduce((a, r) => a + r.ms, 0);
  return {
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    perSec: (latencies.length / ms) * 1000,
    errors: runs.reduce((a, r) => a + r.errors, 0),
  };
}

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-http", throwaway: true, database: "vete_bench" });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  try {
    await migrate(pg.url);
    const db = new Client({ connectionString: pg.url });
    await db.connect();
    const clinic = await createBenchClinic(db, {
      slug: "bench-http",
      vets: VETS,
      owners: OWNERS,
      passwordHash: await hashPassword(PASSWORD),
    });
    const perLevel = WARM_UP + REQUESTS;
    const slots = await distinctSlots(db, clinic, 7, perLevel * CLIENT_COUNTS.length);
    await db.end();

    // the benchmark signs in every owner up front; the default limit is 10 sign-ins a minute per address
    app = await startApp({ databaseUrl: pg.url, env: { AUTH_SIGNIN_MAX_PER_MINUTE: "1000" } });
    const url = app.url;
    const cookies: string[] = [];
    for (const o of clinic.owners) cookies.push(await signIn(url, o.email));

    const health = (): Request => ({ path: "/api/health", init: {} });
    let nextSlot = 0;
    const booking = (): Request => {
      const k = nextSlot++;
      const slot = slots[k] as (typeof slots)[number];
      const owner = clinic.owners[k % OWNERS] as (typeof clinic.owners)[number];
      return {
        path: `/api/clinics/${clinic.slug}/appointments`,
        init: {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: url,
            cookie: cookies[k % OWNERS] as string,
            "idempotency-key": `bench-${randomUUID()}`,
          },
          body: JSON.stringify({
            petId: owner.petId,
            serviceId: clinic.serviceId,
            vetId: slot.vetId,
            startsAt: slot.at.toISOString(),
          }),
        },
      };
    };

    const levels: HttpLevel[] = [];
    for (const clients of CLIENT_COUNTS) {
      await measure(url, WARM_UP, clients, health, 200);
      const warm = await measure(url, WARM_UP, clients, booking, 201);
      if (warm.errors) throw new Error(`${warm.errors} bookings failed during the warm-up`);
      // the paths take turns in short chunks (the order alternating), so a burst of load from other jobs on the
      // machine falls on both alike
      const healthRuns: Run[] = [];
      const bookingRuns: Run[] = [];
      for (let done = 0, turn = 0; done < REQUESTS; done += chunkFor(clients), turn++) {
        const n = Math.min(chunkFor(clients), REQUESTS - done);
        const runHealth = async () => healthRuns.push(await measure(url, n, clients, health, 200));
        const runBooking = async () => bookingRuns.push(await measure(url, n, clients, booking, 201));
        if (turn % 2 === 0) await runHealth().then(runBooking);
        else await runBooking().then(runHealth);
      }
      const level: HttpLevel = { clients, health: stats(healthRuns), booking: stats(bookingRuns) };
      levels.push(level);
      for (const [name, s] of [
        ["GET /api/health", level.health],
        ["POST booking", level.booking],
      ] as const)
        console.log(
          `${clients} client(s), ${name}: ${s.requests} requests, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${s.perSec.toFixed(0)}/s, errors ${s.errors}`,
        );
      console.log(
        `${clients} client(s): booking / health p50 ${(level.booking.p50 / level.health.p50).toFixed(1)}x, p95 ${(level.booking.p95 / level.health.p95).toFixed(1)}x`,
      );
    }
    if (levels.some((l) => l.health.errors || l.booking.errors))
      throw new Error("requests failed; documentation not written");
    writeBookingHttpSection(levels, { REQUESTS, WARM_UP, VETS, OWNERS, chunks: CLIENT_COUNTS.map(chunkFor) });
  } finally {
    await app?.stop();
    await pg.stop();
  }
}

runMain(main);
