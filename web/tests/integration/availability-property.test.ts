// Property: for random schedules (weekly intervals, date overrides, time off), random existing
// appointments (live, cancelled, no-show, with buffers), random services and slot grids, in zones with
// and without daylight saving (including 30 and 45 minute offsets), the SQL core private.compute_slots
// returns exactly what an independent brute-force oracle computes. The oracle is plain TypeScript: zone
// offsets come from Intl.DateTimeFormat, wall-clock times are converted with PostgreSQL's documented rule
// (a time in a spring-forward gap takes the offset before the switch; a repeated time in a fall-back
// overlap takes the later instant), and every minute of the window is checked one by one.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { assignVet, createService, setBookingRules } from "../helpers/appointment-factories";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  createUser,
  testPool,
} from "../helpers/factories";

afterAll(closeTestPool);

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

// ---------------------------------------------------------------- oracle (no SQL, no shared code) ----
const formatters = new Map<string, Intl.DateTimeFormat>();
function offsetMs(tz: string, utcMs: number): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Days since the epoch of a YYYY-MM-DD date. */
const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY;
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const isoWeekday = (n: number) => ((new Date(n * DAY).getUTCDay() + 6) % 7) + 1;

/** The instant of local wall time (day number + minutes, minutes may be 1440) in tz. */
function localToUtc(tz: string, day: number, minutes: number): number {
  const wall = day * DAY + minutes * MINUTE;
  const before = offsetMs(tz, wall - DAY);
  const after = offsetMs(tz, wall + DAY);
  const valid = [before, after].filter((o) => offsetMs(tz, wall - o) === o);
  if (valid.length === 0) return wall - before; // gap: offset before the switch
  return Math.max(...valid.map((o) => wall - o)); // overlap: the later instant
}

function localMinuteOfDay(tz: string, utcMs: number): number {
  const wall = utcMs + offsetMs(tz, utcMs);
  return (((wall / MINUTE) % 1440) + 1440) % 1440;
}

type Range = [number, number]; // [lo, hi) in ms
const overlaps = (a: Range, b: Range) => a[0] < b[1] && b[0] < a[1];

interface Interval {
  start: number; // minutes 0..1435
  end: number; // minutes 5..1440
}
interface Scenario {
  tz: string;
  baseDate: string;
  dayShift: number;
  spanDays: number;
  cutLo: number;
  cutHi: number;
  granularity: number;
  duration: number;
  bufferBefore: number;
  bufferAfter: number;
  vets: {
    weekly: (Interval & { weekday: number })[];
    overrides: { dayOffset: number; closed: boolean; interval: Interval }[];
    timeOff: { startMin: number; minutes: number }[];
    appointments: {
      startMin: number;
      minutes: number;
      before: number;
      after: number;
      status: "confirmed" | "cancelled" | "no_show" | "checked_in";
    }[];
  }[];
}

interface Existing {
  vet: number;
  blocked: Range;
  live: boolean;
}

function oracle(
  s: Scenario,
  window: Range,
  firstDay: number,
  lastDay: number,
  timeOff: Range[][],
  existing: Existing[],
): string[] {
  const out: string[] = [];
  s.vets.forEach((v, vi) => {
    const work: Range[] = [];
    for (let d = firstDay - 2; d <= lastDay + 2; d++) {
      const overrides = v.overrides.filter((o) => firstDay + o.dayOffset === d);
      const intervals = overrides.length
        ? overrides.some((o) => o.closed)
          ? []
          : overrides.map((o) => o.interval)
        : v.weekly.filter((w) => w.weekday === isoWeekday(d));
      for (const iv of intervals) {
        const lo = localToUtc(s.tz, d, iv.start);
        const hi = localToUtc(s.tz, d, iv.end);
        if (lo < hi) work.push([lo, hi]);
      }
    }
    const busy = existing.filter((e) => e.vet === vi && e.live).map((e) => e.blocked);
    const offs = timeOff[vi] ?? [];
    // Working time is a union of intervals minus time off, so a slot fits when every minute of it is
    // inside some work interval and inside no time off.
    const minuteFree = (m: number) =>
      work.some((w) => w[0] <= m && m + MINUTE <= w[1]) && !offs.some((o) => overlaps(o, [m, m + MINUTE]));
    for (let t = window[0]; t < window[1]; t += MINUTE) {
      if (localMinuteOfDay(s.tz, t) % s.granularity !== 0) continue;
      let fits = true;
      for (let m = t; m < t + s.duration * MINUTE && fits; m += MINUTE) fits = minuteFree(m);
      if (!fits) continue;
      const blocked: Range = [t - s.bufferBefore * MINUTE, t + (s.duration + s.bufferAfter) * MINUTE];
      if (busy.some((b) => overlaps(b, blocked))) continue;
      out.push(`${vi}|${new Date(t).toISOString()}`);
    }
  });
  return out.sort();
}

// --------------------------------------------------------------------------------- generators ----
const interval = fc
  .tuple(fc.integer({ min: 0, max: 288 }), fc.integer({ min: 0, max: 288 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ start: Math.min(a, b) * 5, end: Math.max(a, b) * 5 }));
// Night hours (00:00-05:00) make the DST gap and overlap likely to matter.
const nightInterval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ start: Math.min(a, b) * 5, end: Math.max(a, b) * 5 }));
const anyInterval = fc.oneof(interval, nightInterval);

const vetArb = fc.record({
  weekly: fc.array(
    fc.record({ weekday: fc.integer({ min: 1, max: 7 }) }).chain((w) => anyInterval.map((iv) => ({ ...w, ...iv }))),
    { minLength: 3, maxLength: 14 },
  ),
  overrides: fc.array(
    fc.record({ dayOffset: fc.integer({ min: -1, max: 3 }), closed: fc.boolean(), interval: anyInterval }),
    { maxLength: 3 },
  ),
  timeOff: fc.array(
    fc.record({ startMin: fc.integer({ min: -600, max: 4 * 1440 }), minutes: fc.integer({ min: 1, max: 600 }) }),
    { maxLength: 2 },
  ),
  appointments: fc.array(
    fc.record({
      startMin: fc.integer({ min: -300, max: 4 * 1440 }),
      minutes: fc.integer({ min: 5, max: 120 }),
      before: fc.integer({ min: 0, max: 30 }),
      after: fc.integer({ min: 0, max: 30 }),
      status: fc.constantFrom(
        "confirmed" as const,
        "confirmed" as const,
        "checked_in" as const,
        "cancelled" as const,
        "no_show" as const,
      ),
    }),
    { maxLength: 10 },
  ),
});

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  tz: fc.constantFrom(
    "America/New_York",
    "Europe/Madrid",
    "Asia/Tokyo",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "America/St_Johns",
    "UTC",
  ),
  baseDate: fc.constantFrom(
    "2026-03-07",
    "2026-03-28",
    "2026-04-04",
    "2026-10-03",
    "2026-10-24",
    "2026-10-31",
    "2026-06-15",
  ),
  dayShift: fc.integer({ min: 0, max: 1 }),
  spanDays: fc.integer({ min: 1, max: 3 }),
  cutLo: fc.integer({ min: 0, max: 600 }),
  cutHi: fc.integer({ min: 0, max: 600 }),
  granularity: fc.constantFrom(5, 10, 15, 20, 30, 60),
  duration: fc.constantFrom(10, 15, 20, 30, 45, 60, 90),
  bufferBefore: fc.constantFrom(0, 0, 5, 10, 15),
  bufferAfter: fc.constantFrom(0, 0, 5, 10, 15),
  vets: fc.array(vetArb, { minLength: 1, maxLength: 2 }),
});

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

// ----------------------------------------------------------------------------------- property ----
async function compare(s: Scenario): Promise<{ actual: string[]; expected: string[] }> {
  const db = testPool();
  const clinic = await createClinic({ timeZone: s.tz });
  await setBookingRules(clinic.id, { granularity: s.granularity });
  const service = await createService(clinic.id, {
    durationMinutes: s.duration,
    bufferBefore: s.bufferBefore,
    bufferAfter: s.bufferAfter,
  });
  const client = await createClient(clinic.id, { user: null });
  const pet = await createPet(clinic.id, client.id);

  const firstDay = dayNumber(s.baseDate) + s.dayShift;
  const lastDay = firstDay + s.spanDays - 1;
  const window: Range = [
    localToUtc(s.tz, firstDay, 0) + s.cutLo * MINUTE,
    localToUtc(s.tz, lastDay + 1, 0) - s.cutHi * MINUTE,
  ];
  const anchor = localToUtc(s.tz, firstDay, 0);

  const vetIds: string[] = [];
  const timeOff: Range[][] = [];
  for (const v of s.vets) {
    const vet = await addStaff(clinic.id, "vet", await createUser());
    vetIds.push(vet.userId);
    await assignVet(clinic.id, service.id, vet.userId);
    for (const w of v.weekly) {
      await db.query(
        "insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time) values ($1, $2, $3, $4, $5)",
        [clinic.id, vet.userId, w.weekday, hhmm(w.start), hhmm(w.end)],
      );
    }
    for (const o of v.overrides) {
      await db.query(
        "insert into public.vet_date_overrides (clinic_id, vet_id, on_date, kind, start_time, end_time) values ($1, $2, $3, $4, $5, $6)",
        [
          clinic.id,
          vet.userId,
          dateOf(firstDay + o.dayOffset),
          o.closed ? "closed" : "hours",
          o.closed ? null : hhmm(o.interval.start),
          o.closed ? null : hhmm(o.interval.end),
        ],
      );
    }
    const offs: Range[] = v.timeOff.map((t) => [
      anchor + t.startMin * MINUTE,
      anchor + (t.startMin + t.minutes) * MINUTE,
    ]);
    timeOff.push(offs);
    for (const [lo, hi] of offs) {
      await db.query("insert into public.vet_time_off (clinic_id, vet_id, period) values ($1, $2, tstzrange($3, $4))", [
        clinic.id,
        vet.userId,
        new Date(lo),
        new Date(hi),
      ]);
    }
    for (const a of v.appointments) {
      const start = new Date(anchor + a.startMin * MINUTE);
      await db.query(
        `insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_before_minutes, buffer_after_minutes, status)
         values ($1, $2, $3, $4, $5, $6, $6::timestamptz + make_interval(mins => $7), $8, $9, $10) on conflict do nothing`,
        [clinic.id, client.id, pet.id, service.id, vet.userId, start, a.minutes, a.before, a.after, a.status],
      );
    }
  }
  // The oracle sees the appointments that were actually stored (overlapping live ones were refused).
  const stored = await db.query<{ vet_id: string; lo: Date; hi: Date; live: boolean }>(
    "select vet_id, lower(blocked) as lo, upper(blocked) as hi, status not in ('cancelled', 'no_show') as live from public.appointments where clinic_id = $1",
    [clinic.id],
  );
  const existing: Existing[] = stored.rows.map((r) => ({
    vet: vetIds.indexOf(r.vet_id),
    blocked: [r.lo.getTime(), r.hi.getTime()],
    live: r.live,
  }));

  const { rows } = await db.query<{ vet_id: string; starts_at: Date }>(
    "select vet_id, starts_at from private.compute_slots($1, $2, null, tstzrange($3, $4))",
    [clinic.id, service.id, new Date(window[0]), new Date(window[1])],
  );
  const actual = rows.map((r) => `${vetIds.indexOf(r.vet_id)}|${r.starts_at.toISOString()}`).sort();
  const expected = oracle(s, window, firstDay, lastDay, timeOff, existing);
  if (process.env.VETE_PROPERTY_STATS) console.log(`${s.tz} ${s.baseDate} slots=${expected.length}`);
  return { actual, expected };
}

async function check(s: Scenario): Promise<void> {
  const { actual, expected } = await compare(s);
  expect(actual).toEqual(expected);
}

describe("availability matches a brute-force oracle", () => {
  it("for random schedules, overrides, time off, appointments, rules and zones", async () => {
    await fc.assert(fc.asyncProperty(scenarioArb, check), { numRuns: Number(process.env.VETE_PROPERTY_RUNS ?? 40) });
  }, 120_000);

  it("agrees with a hand-computed case, and the comparison fails when the oracle's grid differs", async () => {
    const s: Scenario = {
      tz: "Europe/Madrid",
      baseDate: "2026-06-15",
      dayShift: 0,
      spanDays: 1,
      cutLo: 0,
      cutHi: 0,
      granularity: 15,
      duration: 30,
      bufferBefore: 0,
      bufferAfter: 0,
      vets: [
        {
          weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: 545, end: 720 })),
          overrides: [],
          timeOff: [],
          appointments: [],
        },
      ],
    };
    // 09:05-12:00 CEST with a 30 minute service on a 15 minute grid: 09:15 .. 11:30 local = 07:15Z .. 09:30Z
    const { actual, expected } = await compare(s);
    const hand = ["07:15", "07:30", "07:45", "08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30"].map(
      (t) => `0|2026-06-15T${t}:00.000Z`,
    );
    expect(expected).toEqual(hand);
    expect(actual).toEqual(hand);
    const day = dayNumber(s.baseDate);
    const wrongGrid = oracle(
      { ...s, granularity: 10 },
      [localToUtc(s.tz, day, 0), localToUtc(s.tz, day + 1, 0)],
      day,
      day,
      [[]],
      [],
    );
    expect(actual).not.toEqual(wrongGrid);
  });
});
