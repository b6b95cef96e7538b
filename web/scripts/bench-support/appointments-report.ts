// Writes the appointments section of documentation/benchmarks.md (between its markers; other sections kept)
// from one run's numbers. Kept apart from the benchmark so the script stays about measuring.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface BenchSize {
  BOOKINGS: number;
  CONCURRENCY: number;
  LATENCY_CALLS: number;
  RACERS: number;
  VETS: number;
  THROUGHPUT_ROUNDS: number;
}

export interface ThroughputRound {
  insertPerSec: number;
  bookPerSec: number;
  ratio: number;
  /** CPU of the benchmark's own Node process per row (driver, pool, withUser/rpc), ms. */
  insertNodeMs: number;
  bookNodeMs: number;
}

export interface AppointmentsBenchResults {
  existing: number;
  latency: { p50: number; p95: number; dbP50: number; dbP95: number; slots: number };
  rounds: { ok: number; conflicts: number; other: number; wall: number }[];
  throughputRounds: ThroughputRound[];
  /** Median of the per-round ratios. */
  ratio: number;
  bookingErrors: number;
}

export function writeAppointmentsSection(r: AppointmentsBenchResults, size: BenchSize) {
  const file = path.join(__dirname, "..", "..", "..", "documentation", "benchmarks.md");
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
  const section = `<!-- appointments:start -->
## Appointments: contention, booking throughput, availability latency

\`npm run bench appointments\` (script: \`web/scripts/bench/appointments.ts\`; throwaway PostgreSQL 18, all
migrations). Last run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores, load average ${load}
(other jobs share the machine, so treat absolute numbers as pessimistic).

**Availability** (\`list_available_slots\`, 14 local days, all ${size.VETS} vets, 30 min service with 10 min buffer, 15 min grid,
${r.existing.toLocaleString("en")} existing appointments, ${size.LATENCY_CALLS} calls as a signed-in client, ~${r.latency.slots} slots per answer):

| | p50 | p95 | target |
| --- | ---: | ---: | ---: |
| inside the database (EXPLAIN ANALYZE execution time) | ${round1(r.latency.dbP50)} ms | ${round1(r.latency.dbP95)} ms | p95 < 20 ms |
| client round trip | ${round1(r.latency.p50)} ms | ${round1(r.latency.p95)} ms | |

**Contention** (${size.RACERS} signed-in clients, separate connections, one vet and one slot, fired at once):

| Round | Booked | slot_taken | Other errors | Wall time |
| ---: | ---: | ---: | ---: | ---: |
${r.rounds.map((x, i) => `| ${i + 1} | ${x.ok} | ${x.conflicts} | ${x.other} | ${Math.round(x.wall)} ms |`).join("\n")}

**Throughput on distinct slots** (${size.THROUGHPUT_ROUNDS} interleaved rounds of ${size.BOOKINGS} rows per path after one unmeasured warm-up round, the order alternating;
${size.CONCURRENCY} connections, one transaction per row). Plain path: a single-row \`INSERT\` into appointments as the owner
role with no checks (begin, insert, commit: 3 round trips). Booking path: \`book_appointment\` as a signed-in client
through the app's \`withUser()\` + \`rpc()\` (begin+role+claims, call, commit: 3 round trips), which checks the client,
pet, service, vet and booking window, runs the slot check, inserts under the exclusion constraint and writes
the outbox row with its .ics.

| Round | Plain INSERT rows/s | Bookings/s | Ratio | Node CPU per row (INSERT / booking) |
| ---: | ---: | ---: | ---: | ---: |
${r.throughputRounds.map((x, i) => `| ${i + 1} | ${x.insertPerSec.toFixed(0)} | ${x.bookPerSec.toFixed(0)} | ${x.ratio.toFixed(2)} | ${x.insertNodeMs.toFixed(2)} / ${x.bookNodeMs.toFixed(2)} ms |`).join("\n")}
| **median** | | | **${r.ratio.toFixed(2)}** | |

Target: at least 0.5. Booking errors in the throughput run: ${r.bookingErrors}. Consecutive rows go to different vets;
writers of the same vet and UTC day queue behind one advisory lock (migration 106), so one vet's day takes
bookings one at a time (a few ms each).

Notes. The first version took ~400 ms for the availability query: the planner inlined the busy-ranges CTE
into the per-candidate filter. Migration 105 materializes it, finds busy appointments through the btree
index (vet_id, starts_at) instead of the gist exclusion index (gist probes cost ~1 ms where a vet has no
appointments yet), and keeps compute_slots on a generic plan (custom plans re-planned a ~2.5 ms query on
every booking). \`withUser()\` sends begin, the claims and the role switch as one query, so a signed-in
call costs the same three round trips as the baseline; the rest of the gap is the booking's own work.

Booking throughput: target at least 0.5; ${r.ratio >= 0.5 ? "met in this run" : "**not met**"}. The same build measures
~0.26 to ~0.45 from run to run on this shared 2-core machine, and the ratio is lowest when the machine is
quiet (the plain INSERT, being short, gains the most), hence the warm-up round, the interleaved rounds and the
median. Both paths are CPU-bound here (client, server and four backends on 2 cores, no network), so the
ratio is the ratio of CPU spent per transaction.

Where a booking's time goes (perf with DWARF call graphs over 1,500 bookings in one backend, one transaction
each, after migration 108): inside book_appointment ~0.77 ms against ~0.15 ms for the plain INSERT, split
about a quarter each between the appointment insert (6 foreign-key checks, 7 indexes including the gist
exclusion index, PostgreSQL re-reading the table's CHECK constraints on every statement), the outbox row
(payload, .ics, its own constraints, indexes and foreign keys) and the single-start slot check in
compute_slots (~150 µs, mostly executing its plan), and about a tenth for the client, pet, service, vet and
booking-window checks. Outside the function a booking costs more than the INSERT too: returning the
20-column appointment row (the Node column above) and the call's parse, plan and wrapper in the server.

A floor for this ratio, measured: the same benchmark with book_appointment cut down to its writes (no slot
check and no client, pet, service or window checks; just the pet and vet locks, the insert and the outbox
row) gave a median of 0.43 (rounds 0.38 to 0.48) on 2026-11-29. With the checks the issue itself requires,
0.5 is out of reach wherever the database's CPU is the limit, which is what bounds throughput at capacity.
Where round trips dominate instead (an app and its database across a network, few connections), both paths
mostly wait alike and the ratio rises towards 1, but that measures latency, not capacity.

What was done: migration 108 removed measured overheads (a lock helper re-planned on every
call, a nested executor in booking_window, a second read of the rules, a two-statement outbox write, three
calls of a one-line .ics helper) and \`withUser()\` sets the claims with \`set local\` instead of
\`select set_config(...)\` (every request benefits): in-database time per booking went from ~0.85 ms to
~0.77 ms. Measured without gain: ON CONFLICT DO NOTHING instead of the exception block, an array instead of a
cursor over candidate vets, a lateral rewrite and index-only plans for compute_slots, production durability
settings for the benchmark cluster (fsync and synchronous commit on: 0.41, commits are cheap on this disk). A
point check written apart from compute_slots took ~90 µs instead of ~150 µs, but two formulations of
availability are what the issue rules out.
<!-- appointments:end -->`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text =
      "# Benchmarks\n\nNumbers printed by `npm run bench` (web/scripts/bench.ts runs every web/scripts/bench/*.ts). Each section belongs to one module.\n";
  }
  const re = /<!-- appointments:start -->[\s\S]*?<!-- appointments:end -->/;
  text = re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(`wrote the appointments section of ${path.relative(process.cwd(), file)}`);
}
