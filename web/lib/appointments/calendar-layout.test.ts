// Fixed past daylight-saving weeks (Madrid 2026: forward on Sunday 29 March, back on Sunday 25 October): the layout
// takes explicit dates, so no "future" is needed.
import { describe, expect, it } from "vitest";
import { buildDayGrid, zonedInstant } from "./calendar-grid";
import {
  breaksIn,
  buildAxis,
  columnOf,
  dropInstant,
  instantAt,
  layoutColumn,
  openingScrollMinutes,
  positionOf,
  spanOf,
  stepMove,
} from "./calendar-layout";

const TZ = "Europe/Madrid";
const week = (monday: string, step = 15) =>
  Array.from({ length: 7 }, (_, i) =>
    buildDayGrid(new Date(Date.parse(`${monday}T12:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), TZ, step),
  );
const at = (date: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant(date, (h ?? 0) * 60 + (m ?? 0), TZ).getTime();
};
const hourLabels = (slots: { label: string; isHour: boolean; repeated: boolean }[]) =>
  slots.filter((s) => s.isHour).map((s) => (s.repeated ? `${s.label}*` : s.label));

describe("the shared axis of a week", () => {
  it("is the day's own rows in an ordinary week, and in the day view", () => {
    const grids = week("2026-06-08");
    const axis = buildAxis(grids);
    expect(axis.slots).toHaveLength(96);
    expect(axis.totalMinutes).toBe(1440);
    const layout = layoutColumn(axis, grids[2]!);
    expect(layout.gaps).toEqual([]);
    expect(layout.rowSlot).toEqual(Array.from({ length: 96 }, (_, i) => i));
    expect(positionOf(layout, at("2026-06-10", "10:30"))).toBe(630);
  });

  it("keeps 02:00 on the axis in the spring-forward week and marks it as skipped on the Sunday only", () => {
    const grids = week("2026-03-23");
    const axis = buildAxis(grids);
    expect(hourLabels(axis.slots)).toHaveLength(24);
    expect(hourLabels(axis.slots).slice(0, 4)).toEqual(["00:00", "01:00", "02:00", "03:00"]);
    const sunday = layoutColumn(axis, grids[6]!);
    expect(sunday.gaps).toEqual([{ top: 120, height: 60, from: "02:00", to: "03:00", kind: "skipped" }]);
    expect(layoutColumn(axis, grids[5]!).gaps).toEqual([]);
    // every day's 10:00 is level with the axis's 10:00 label, the Sunday's too (the real minutes differ)
    for (const g of grids) expect(positionOf(layoutColumn(axis, g), at(g.date, "10:00"))).toBe(600);
    expect(at("2026-03-29", "10:00") - grids[6]!.start.getTime()).toBe(540 * 60_000);
  });

  it("adds the repeated hour in the fall-back week and marks the other days as not having it", () => {
    const grids = week("2026-10-19");
    const axis = buildAxis(grids);
    expect(hourLabels(axis.slots)).toHaveLength(25);
    expect(hourLabels(axis.slots).slice(1, 5)).toEqual(["01:00", "02:00", "02:00*", "03:00"]);
    const sunday = layoutColumn(axis, grids[6]!);
    expect(sunday.gaps).toEqual([]);
    const monday = layoutColumn(axis, grids[0]!);
    expect(monday.gaps).toEqual([{ top: 180, height: 60, from: "02:00", to: "03:00", kind: "once" }]);
    expect(positionOf(monday, at("2026-10-19", "10:00"))).toBe(660);
    expect(positionOf(sunday, at("2026-10-25", "10:00"))).toBe(660);
    // the second 02:30 of the Sunday: an hour after the first
    expect(positionOf(sunday, Date.parse("2026-10-25T01:30:00Z"))).toBe(210);
  });

  it("merges an axis whatever day comes first", () => {
    const grids = week("2026-03-23");
    const reversed = buildAxis([...grids].reverse());
    expect(reversed.slots.map((s) => s.key)).toEqual(buildAxis(grids).slots.map((s) => s.key));
    const fall = week("2026-10-19");
    expect(buildAxis([fall[6]!, fall[0]!]).slots.map((s) => s.key)).toEqual(buildAxis(fall).slots.map((s) => s.key));
  });
});

describe("placing and picking on a column", () => {
  const grids = week("2026-03-23");
  const axis = buildAxis(grids);
  const sunday = layoutColumn(axis, grids[6]!);

  it("spans an appointment across the skipped hour by its local times, and stops one that ends at the jump", () => {
    expect(spanOf(sunday, at("2026-03-29", "01:30"), at("2026-03-29", "03:30"))).toEqual({ top: 90, height: 120 });
    expect(spanOf(sunday, at("2026-03-29", "01:30"), Date.parse("2026-03-29T01:00:00Z"))).toEqual({
      top: 90,
      height: 30,
    });
    expect(spanOf(sunday, at("2026-03-30", "01:00"), at("2026-03-30", "02:00"))).toBeNull();
    // clipped to the day
    expect(spanOf(sunday, at("2026-03-28", "23:00"), at("2026-03-29", "01:00"))).toEqual({ top: 0, height: 60 });
  });

  it("cuts the skipped hour out of a block across it, so what is drawn is its real duration", () => {
    const start = at("2026-03-29", "01:30");
    const end = at("2026-03-29", "03:30");
    const span = spanOf(sunday, start, end)!;
    const breaks = breaksIn(sunday, span);
    expect(breaks).toEqual([{ top: 30, height: 60 }]);
    const drawn = span.height - breaks.reduce((sum, b) => sum + b.height, 0);
    expect(drawn * 60_000).toBe(end - start);
    // the same local times on the Saturday have no gap: two real hours, drawn whole
    const saturday = layoutColumn(axis, grids[5]!);
    const sat = spanOf(saturday, at("2026-03-28", "01:30"), at("2026-03-28", "03:30"))!;
    expect(sat.height).toBe(120);
    expect(breaksIn(saturday, sat)).toEqual([]);
  });

  it("cuts the repeated hour out of a block on a day of the fall-back week that has it only once", () => {
    const fall = week("2026-10-19");
    const monday = layoutColumn(buildAxis(fall), fall[0]!);
    const start = at("2026-10-19", "01:30");
    const end = at("2026-10-19", "03:30");
    const span = spanOf(monday, start, end)!;
    expect(span).toEqual({ top: 90, height: 180 });
    const breaks = breaksIn(monday, span);
    expect(breaks).toEqual([{ top: 90, height: 60 }]);
    expect((span.height - 60) * 60_000).toBe(end - start);
    // a block that ends where the gap begins has no break
    expect(breaksIn(monday, spanOf(monday, start, at("2026-10-19", "02:00"))!)).toEqual([]);
  });

  it("turns an axis position into the instant of that local time, a gap into the time after it", () => {
    expect(instantAt(sunday, 600)).toBe(at("2026-03-29", "10:00"));
    expect(instantAt(sunday, 607)).toBe(at("2026-03-29", "10:00") + 7 * 60_000);
    expect(instantAt(sunday, 150)).toBe(at("2026-03-29", "03:00"));
  });

  it("drops on the nearest row less the grab offset, within the day", () => {
    expect(dropInstant(sunday, 610, 4)).toBe(at("2026-03-29", "10:00"));
    expect(dropInstant(sunday, 620, 0)).toBe(at("2026-03-29", "10:15"));
    expect(dropInstant(sunday, -50, 0)).toBe(grids[6]!.start.getTime());
    expect(dropInstant(sunday, 5000, 0)).toBe(at("2026-03-29", "23:45"));
    expect(dropInstant(sunday, 130, 0)).toBe(at("2026-03-29", "03:00"));
  });

  it("steps a keyboard move by rows within a day and by local time across days", () => {
    const layouts = grids.map((g) => layoutColumn(axis, g));
    const sat = { col: 5, at: at("2026-03-28", "10:00") };
    expect(stepMove(layouts, sat, "ArrowDown")).toEqual({ col: 5, at: at("2026-03-28", "10:15") });
    expect(stepMove(layouts, sat, "ArrowUp")).toEqual({ col: 5, at: at("2026-03-28", "09:45") });
    expect(stepMove(layouts, sat, "ArrowRight")).toEqual({ col: 6, at: at("2026-03-29", "10:00") });
    expect(stepMove(layouts, sat, "ArrowLeft")).toEqual({ col: 4, at: at("2026-03-27", "10:00") });
    expect(stepMove(layouts, { col: 6, at: at("2026-03-29", "10:00") }, "ArrowRight")).toBeNull();
    const top = { col: 5, at: grids[5]!.start.getTime() };
    expect(stepMove(layouts, top, "ArrowUp")).toEqual(top);
    const last = { col: 5, at: at("2026-03-28", "23:45") };
    expect(stepMove(layouts, last, "ArrowDown")).toEqual(last);
    // 02:15 on the Saturday lands on 03:00 on the Sunday, which has no 02:15
    expect(stepMove(layouts, { col: 5, at: at("2026-03-28", "02:15") }, "ArrowRight")).toEqual({
      col: 6,
      at: at("2026-03-29", "03:00"),
    });
  });

  it("finds an appointment's column by vet and day", () => {
    const columns = grids.map(() => ({ vetId: "v1" }));
    expect(columnOf(columns, grids, "v1", at("2026-03-29", "10:00"))).toBe(6);
    expect(columnOf(columns, grids, "v2", at("2026-03-29", "10:00"))).toBe(-1);
    expect(columnOf(columns, grids, "v1", at("2026-03-30", "00:00"))).toBe(-1);
  });

  it("opens half an hour before the earliest working time shown, else at 07:30 of the first day", () => {
    const layouts = grids.map((g) => layoutColumn(axis, g));
    const starts = layouts.map(() => [] as number[]);
    starts[6] = [at("2026-03-29", "09:00")];
    starts[2] = [at("2026-03-25", "10:00")];
    expect(openingScrollMinutes(layouts, starts)).toBe(510);
    expect(
      openingScrollMinutes(
        layouts,
        layouts.map(() => []),
      ),
    ).toBe(450);
  });
});
