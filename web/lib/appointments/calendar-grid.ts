// The staff calendar's time grid for one local day of the clinic: rows are instants, stepped in real time from
// the instant the local day starts to the instant the next one starts, and labelled with the local time they
// fall on. A spring-forward day therefore has 23 hours of rows with no 02:00, a fall-back day 25 with 02:00
// twice; positions on the grid are real minutes from its first instant, never wall-clock arithmetic.

const MINUTE = 60_000;

function zoneParts(at: Date, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? "0");
  return { y: n("year"), mo: n("month"), d: n("day"), h: n("hour"), mi: n("minute") };
}

/** The zone's offset from UTC at an instant, in minutes (Madrid in summer: 120). */
export function offsetMinutesAt(at: Date, timeZone: string): number {
  const p = zoneParts(at, timeZone);
  const asUtc = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi);
  return Math.round((asUtc - Math.floor(at.getTime() / MINUTE) * MINUTE) / MINUTE);
}

/**
 * The instant a local date and time happens in a zone. A repeated time (fall-back) is its first occurrence; a
 * time skipped by a spring-forward change is read with the offset before the change (02:30 becomes 03:30).
 */
export function zonedInstant(date: string, minutesOfDay: number, timeZone: string): Date {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutesOfDay * MINUTE;
  const before = offsetMinutesAt(new Date(wall - 36 * 60 * MINUTE), timeZone);
  const after = offsetMinutesAt(new Date(wall + 36 * 60 * MINUTE), timeZone);
  // the earlier offset first: a repeated wall time is its first occurrence
  for (const offset of before === after ? [before] : [before, after]) {
    const at = new Date(wall - offset * MINUTE);
    if (offsetMinutesAt(at, timeZone) === offset) return at;
  }
  // skipped by a forward change: the wall time read with the old offset lands after the jump
  return new Date(wall - before * MINUTE);
}

export interface GridRow {
  startsAt: Date;
  /** Local "HH:MM". */
  label: string;
  /** Starts a local hour (gets a label on the time axis). */
  isHour: boolean;
  /** A local time already shown earlier the same day (the repeated hour of a fall-back day). */
  repeated: boolean;
}

export interface DayGrid {
  date: string;
  start: Date;
  end: Date;
  stepMinutes: number;
  /** Real minutes from start to end: 1380 on a spring-forward day, 1500 on a fall-back day. */
  totalMinutes: number;
  rows: GridRow[];
}

/** Rows every stepMinutes (a divisor of 60, like the clinic's slot granularity) over one local day. */
export function buildDayGrid(date: string, timeZone: string, stepMinutes: number): DayGrid {
  if (!(stepMinutes > 0 && 60 % stepMinutes === 0)) throw new Error("stepMinutes must divide 60");
  const start = zonedInstant(date, 0, timeZone);
  const next = new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = zonedInstant(next, 0, timeZone);
  const fmt = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const rows: GridRow[] = [];
  const seen = new Set<string>();
  for (let t = start.getTime(); t < end.getTime(); t += stepMinutes * MINUTE) {
    const at = new Date(t);
    const label = fmt.format(at);
    rows.push({ startsAt: at, label, isHour: label.endsWith(":00"), repeated: seen.has(label) });
    seen.add(label);
  }
  return { date, start, end, stepMinutes, totalMinutes: (end.getTime() - start.getTime()) / MINUTE, rows };
}

/** Side-by-side lanes for overlapping items (greedy, in start order): lane index and the lanes in its group. */
export function assignLanes<T extends { startsAt: Date; endsAt: Date }>(
  items: T[],
): { item: T; lane: number; lanes: number }[] {
  const sorted = [...items].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const out: { item: T; lane: number; lanes: number }[] = [];
  let group: { item: T; lane: number; lanes: number }[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -Infinity;
  const close = () => {
    for (const g of group) g.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.startsAt.getTime() >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.startsAt.getTime());
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = item.endsAt.getTime();
    groupEnd = Math.max(groupEnd, item.endsAt.getTime());
    const placed = { item, lane, lanes: 1 };
    group.push(placed);
    out.push(placed);
  }
  close();
  return out;
}
