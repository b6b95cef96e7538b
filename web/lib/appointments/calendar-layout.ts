// Layout math for the staff time grid, kept pure so it can be tested without a browser. Columns of different
// local days (a vet's week) share one vertical axis keyed by local time: the union of the days' rows, in order.
// A row one day lacks is a gap in that column: the hour a spring-forward day skips, or the repeated hour only a
// fall-back day has. So the time labels beside the grid are right for every column, and each column still places
// its appointments by the real instants of its own rows.
import type { DayGrid } from "./calendar-grid";

const MINUTE = 60_000;

export interface AxisSlot {
  /** Local time and which occurrence of it: "02:00#0", "02:00#1" for the repeated hour. */
  key: string;
  label: string;
  isHour: boolean;
  repeated: boolean;
}
export interface GridAxis {
  stepMinutes: number;
  slots: AxisSlot[];
  /** Height of the axis in minutes of rows (slots × step). */
  totalMinutes: number;
}
export interface ColumnLayout {
  grid: DayGrid;
  stepMinutes: number;
  /** The axis slot of each of the grid's rows. */
  rowSlot: number[];
  /** Runs of axis slots this day does not have. */
  gaps: { top: number; height: number; from: string; to: string; kind: "skipped" | "once" }[];
  totalMinutes: number;
}

const rowKeys = (grid: DayGrid) => {
  const count = new Map<string, number>();
  return grid.rows.map((r) => {
    const n = count.get(r.label) ?? 0;
    count.set(r.label, n + 1);
    return `${r.label}#${n}`;
  });
};

/** One axis for grids on the same step: every local time any of them has, in the order the days run. */
export function buildAxis(grids: DayGrid[]): GridAxis {
  const stepMinutes = grids[0]?.stepMinutes ?? 60;
  const slots: AxisSlot[] = [];
  const index = new Map<string, number>();
  for (const grid of grids) {
    const keys = rowKeys(grid);
    let prev = -1;
    grid.rows.forEach((r, i) => {
      const key = keys[i] ?? "";
      const at = index.get(key);
      if (at !== undefined) {
        prev = at;
        return;
      }
      // a time this day has and the axis lacks goes right after this day's previous time
      prev += 1;
      slots.splice(prev, 0, { key, label: r.label, isHour: r.isHour, repeated: r.repeated });
      index.clear();
      slots.forEach((s, j) => index.set(s.key, j));
    });
  }
  return { stepMinutes, slots, totalMinutes: slots.length * stepMinutes };
}

/** Where each of a day's rows sits on the axis, and the axis slots the day does not have. */
export function layoutColumn(axis: GridAxis, grid: DayGrid): ColumnLayout {
  const index = new Map(axis.slots.map((s, i) => [s.key, i]));
  const rowSlot = rowKeys(grid).map((k) => index.get(k) ?? 0);
  const has = new Set(rowSlot);
  const gaps: ColumnLayout["gaps"] = [];
  const step = axis.stepMinutes;
  for (let s = 0; s < axis.slots.length; s++) {
    if (has.has(s)) continue;
    let e = s;
    while (e + 1 < axis.slots.length && !has.has(e + 1)) e++;
    const first = axis.slots[s];
    const next = axis.slots[e + 1];
    gaps.push({
      top: s * step,
      height: (e - s + 1) * step,
      from: first?.label ?? "",
      to: next?.label ?? "24:00",
      kind: first?.repeated ? "once" : "skipped",
    });
    s = e;
  }
  return { grid, stepMinutes: step, rowSlot, gaps, totalMinutes: axis.totalMinutes };
}

// the last row starting at or before (or, for an end, strictly before) an instant
function rowIndexAt(layout: ColumnLayout, ms: number, strict: boolean): number {
  const rows = layout.grid.rows;
  let i = -1;
  for (let j = 0; j < rows.length; j++) {
    const t = rows[j]?.startsAt.getTime() ?? 0;
    if (strict ? t < ms : t <= ms) i = j;
    else break;
  }
  return i;
}

/**
 * An instant's place on the axis, in minutes from its top, clipped to the day. An end uses the row it ends in,
 * so an appointment ending when the clocks jump ends at the gap instead of reaching over it.
 */
export function positionOf(layout: ColumnLayout, ms: number, asEnd = false): number {
  const { grid } = layout;
  const t = Math.min(Math.max(ms, grid.start.getTime()), grid.end.getTime());
  const i = Math.max(0, rowIndexAt(layout, t, asEnd && t > grid.start.getTime()));
  const row = grid.rows[i];
  if (!row) return 0;
  return (layout.rowSlot[i] ?? 0) * layout.stepMinutes + (t - row.startsAt.getTime()) / MINUTE;
}

/** Where an interval sits in a column, in axis minutes; null when it is outside the day. */
export function spanOf(layout: ColumnLayout, startMs: number, endMs: number): { top: number; height: number } | null {
  const { grid } = layout;
  if (Math.min(endMs, grid.end.getTime()) <= Math.max(startMs, grid.start.getTime())) return null;
  const top = positionOf(layout, startMs);
  return { top, height: positionOf(layout, endMs, true) - top };
}

/**
 * The parts of a placed interval that are gaps in its column (the hour a spring-forward day skips, in a week
 * with normal days beside it), in minutes from the interval's top. A block spans its local times so its ends
 * line up with the labels; these parts are no time at all, so a block drawn with them cut out shows its real
 * duration: 01:30–03:30 on the spring-forward night is one hour with a one-hour break in it.
 */
export function breaksIn(
  layout: ColumnLayout,
  span: { top: number; height: number },
): { top: number; height: number }[] {
  const end = span.top + span.height;
  return layout.gaps.flatMap((g) => {
    const top = Math.max(g.top, span.top);
    const bottom = Math.min(g.top + g.height, end);
    return bottom > top ? [{ top: top - span.top, height: bottom - top }] : [];
  });
}

/** The index of the row at an axis slot, or of the next row the day has when the slot is a gap. */
export function rowAtSlot(layout: ColumnLayout, slot: number): number {
  const i = layout.rowSlot.findIndex((s) => s >= slot);
  return i === -1 ? layout.rowSlot.length - 1 : i;
}

/** The instant at an axis position in a column (keeping minutes into the row); a gap gives the row after it. */
export function instantAt(layout: ColumnLayout, minutes: number): number {
  const slot = Math.floor(minutes / layout.stepMinutes);
  const i = rowAtSlot(layout, slot);
  const row = layout.grid.rows[i];
  if (!row) return layout.grid.start.getTime();
  const into = layout.rowSlot[i] === slot ? minutes - slot * layout.stepMinutes : 0;
  return row.startsAt.getTime() + into * MINUTE;
}

/** The row start a drop lands on: the pointer's axis minute less where the block was grabbed, to the nearest row. */
export function dropInstant(layout: ColumnLayout, pointerMinutes: number, grabMinutes: number): number {
  const slots = layout.totalMinutes / layout.stepMinutes;
  const slot = Math.max(0, Math.min(slots - 1, Math.round((pointerMinutes - grabMinutes) / layout.stepMinutes)));
  return layout.grid.rows[rowAtSlot(layout, slot)]?.startsAt.getTime() ?? layout.grid.start.getTime();
}

/** One keyboard step for a move: up or down one row within the day, or the same local time in the next column. */
export function stepMove(
  layouts: ColumnLayout[],
  at: { col: number; at: number },
  key: "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight",
): { col: number; at: number } | null {
  const here = layouts[at.col];
  if (!here) return null;
  const { grid } = here;
  const step = here.stepMinutes * MINUTE;
  if (key === "ArrowUp") return { col: at.col, at: Math.max(grid.start.getTime(), at.at - step) };
  if (key === "ArrowDown") return { col: at.col, at: Math.min(grid.end.getTime() - step, at.at + step) };
  const col = at.col + (key === "ArrowLeft" ? -1 : 1);
  const to = layouts[col];
  return to ? { col, at: instantAt(to, positionOf(here, at.at)) } : null;
}

/** The column an appointment is drawn in: its vet's, on the day its start falls in; -1 if none is shown. */
export function columnOf(
  columns: { vetId: string }[],
  grids: Pick<DayGrid, "start" | "end">[],
  vetId: string,
  startMs: number,
): number {
  return columns.findIndex(
    (c, i) =>
      c.vetId === vetId && (grids[i]?.start.getTime() ?? 0) <= startMs && startMs < (grids[i]?.end.getTime() ?? 0),
  );
}

/** Where to scroll on opening: half an hour before the earliest working time shown, else 08:00 of the first day. */
export function openingScrollMinutes(layouts: ColumnLayout[], workStarts: number[][]): number {
  const tops = layouts.flatMap((l, i) => (workStarts[i] ?? []).map((ms) => positionOf(l, ms)));
  const first = layouts[0];
  if (!first) return 0;
  const top = tops.length ? Math.min(...tops) : positionOf(first, first.grid.start.getTime() + 8 * 60 * MINUTE);
  return Math.max(0, top - 30);
}
