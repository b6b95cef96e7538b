// Fixed past daylight-saving dates: the grid builder takes an explicit date, so no "future" is needed.
import { describe, expect, it } from "vitest";
import { assignLanes, buildDayGrid, zonedInstant } from "./calendar-grid";

const hours = (date: string, zone: string) =>
  buildDayGrid(date, zone, 15)
    .rows.filter((r) => r.isHour)
    .map((r) => r.label);

describe("buildDayGrid", () => {
  it("gives an ordinary Madrid day 96 quarter-hour rows from local midnight", () => {
    const g = buildDayGrid("2026-06-10", "Europe/Madrid", 15);
    expect(g.rows).toHaveLength(96);
    expect(g.totalMinutes).toBe(1440);
    expect(g.start.toISOString()).toBe("2026-06-09T22:00:00.000Z");
    expect(g.rows[0]?.label).toBe("00:00");
    expect(g.rows[95]?.label).toBe("23:45");
  });

  it("gives Madrid's spring-forward day 23 hours with no 02:00", () => {
    const g = buildDayGrid("2026-03-29", "Europe/Madrid", 15);
    expect(g.totalMinutes).toBe(23 * 60);
    expect(g.rows).toHaveLength(92);
    const h = hours("2026-03-29", "Europe/Madrid");
    expect(h).toHaveLength(23);
    expect(h).not.toContain("02:00");
    expect(h.slice(0, 4)).toEqual(["00:00", "01:00", "03:00", "04:00"]);
    const i = g.rows.findIndex((r) => r.label === "01:45");
    expect(g.rows[i + 1]?.label).toBe("03:00");
    expect(g.rows[i + 1]?.startsAt.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("gives Madrid's fall-back day 25 hours with 02:00 twice, the second marked repeated", () => {
    const g = buildDayGrid("2026-10-25", "Europe/Madrid", 15);
    expect(g.totalMinutes).toBe(25 * 60);
    expect(g.rows).toHaveLength(100);
    const twos = g.rows.filter((r) => r.label === "02:00");
    expect(twos.map((r) => [r.startsAt.toISOString(), r.repeated])).toEqual([
      ["2026-10-25T00:00:00.000Z", false],
      ["2026-10-25T01:00:00.000Z", true],
    ]);
    expect(hours("2026-10-25", "Europe/Madrid")).toHaveLength(25);
  });

  it("gives New York's spring-forward day 23 hours and its fall-back day 25, on 30-minute rows", () => {
    const spring = buildDayGrid("2026-03-08", "America/New_York", 30);
    expect(spring.rows).toHaveLength(46);
    expect(spring.start.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(spring.end.toISOString()).toBe("2026-03-09T04:00:00.000Z");
    expect(spring.rows.map((r) => r.label)).not.toContain("02:00");
    expect(spring.rows.map((r) => r.label)).not.toContain("02:30");
    const fall = buildDayGrid("2026-11-01", "America/New_York", 30);
    expect(fall.rows).toHaveLength(50);
    expect(fall.rows.filter((r) => r.label === "01:30")).toHaveLength(2);
    expect(fall.end.toISOString()).toBe("2026-11-02T05:00:00.000Z");
  });

  it("refuses a step that does not divide an hour", () => {
    expect(() => buildDayGrid("2026-06-10", "Europe/Madrid", 25)).toThrow();
  });
});

describe("zonedInstant", () => {
  it("reads a repeated local time as its first occurrence and a skipped one with the earlier offset", () => {
    expect(zonedInstant("2026-10-25", 150, "Europe/Madrid").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInstant("2026-03-29", 150, "Europe/Madrid").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedInstant("2026-03-08", 9 * 60, "America/New_York").toISOString()).toBe("2026-03-08T13:00:00.000Z");
  });
});

describe("assignLanes", () => {
  it("puts overlapping items side by side and lets later items reuse a freed lane", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 5, 10, h));
    const out = assignLanes([
      { id: "a", startsAt: at(9), endsAt: at(11) },
      { id: "b", startsAt: at(10), endsAt: at(12) },
      { id: "c", startsAt: at(11), endsAt: at(12) },
      { id: "d", startsAt: at(13), endsAt: at(14) },
    ]);
    expect(out.map((o) => [o.item.id, o.lane, o.lanes])).toEqual([
      ["a", 0, 2],
      ["b", 1, 2],
      ["c", 0, 2],
      ["d", 0, 1],
    ]);
  });
});
