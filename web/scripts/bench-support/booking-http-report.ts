// Writes the booking-http section of documentation/benchmarks.md from one run's numbers.
import { runContext, writeDocSection } from "./doc-section";

export interface HttpPathStats {
  requests: number;
  p50: number;
  p95: number;
  perSec: number;
  errors: number;
}

export interface HttpLevel {
  clients: number;
  health: HttpPathStats;
  booking: HttpPathStats;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

export function writeBookingHttpSection(
  levels: HttpLevel[],
  size: { REQUESTS: number; WARM_UP: number; VETS: number; OWNERS: number; chunks: number[] },
) {
  const rows = levels.flatMap((l) => [
    `| ${l.clients} | \`GET /api/health\` (baseline) | ${l.health.requests} | ${ms(l.health.p50)} | ${ms(l.health.p95)} | ${l.health.perSec.toFixed(0)} |`,
    `| ${l.clients} | \`POST /api/clinics/<slug>/appointments\` | ${l.booking.requests} | ${ms(l.booking.p50)} | ${ms(l.booking.p95)} | ${l.booking.perSec.toFixed(0)} |`,
    `| ${l.clients} | **booking / health** | | **${(l.booking.p50 / l.health.p50).toFixed(1)}x** | **${(l.booking.p95 / l.health.p95).toFixed(1)}x** | ${(l.booking.perSec / l.health.perSec).toFixed(2)} |`,
  ]);
  writeDocSection(
    "booking-http",
    `
## Appointments over HTTP: booking latency next to /api/health

\`npm run bench booking-http\` (script: \`web/scripts/bench/booking-http.ts\`). The built app (\`next build\`, then
\`next start\` through \`web/scripts/start.ts\`, as \`npm start\` runs it, local cron included) on a throwaway
PostgreSQL 18, called by a Node \`fetch\` client with keep-alive on the same machine. Last run ${runContext()};
other jobs' test runs shared the machine, so the absolute numbers are noisy and pessimistic: read the ratios,
whose two sides were measured in the same run, taking turns in short chunks.

Each of ${size.OWNERS} clients is signed in as their own user (session cookie) and books a distinct free slot of a
30-minute service with one of ${size.VETS} vets, sending an \`Idempotency-Key\` as the booking page does; every
booking must answer 201. The baseline, \`GET /api/health\`, is the app's cheapest route that touches the
database (one pooled \`select 1\`, one transaction), so the difference is what a booking costs on top of HTTP,
Next's routing and a pooled connection: the session check (a cookie cache of a few seconds, then the database),
zod, and four transactions instead of one (the clinic access check, the idempotency key claimed before and
completed after, and the booking itself with its slot check and outbox row). Per client count: ${size.WARM_UP} unmeasured requests of each
kind, then ${size.REQUESTS} of each, the two taking turns in chunks of ${levels.map((l, i) => `${size.chunks[i]} at ${l.clients}`).join(" and ")} clients (the order alternating). Latency is measured until the whole body
has arrived.

| Concurrent clients | Request | Requests | p50 | p95 | Requests/s |
| ---: | --- | ---: | ---: | ---: | ---: |
${rows.join("\n")}

Errors: ${levels.map((l) => `${l.health.errors + l.booking.errors} at ${l.clients} client(s)`).join(", ")}. With one client the numbers
are latencies; with ten they are mostly queueing on the shared cores (the app, PostgreSQL and the client
all run here), so p95 there says more about the machine than about the app.
`,
  );
}
