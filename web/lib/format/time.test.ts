// Calendar dates and times are shown in the clinic's zone, whatever zone the server or the browser runs in.
import { describe, expect, it } from "vitest";
import { addDays, formatDay, formatTime, formatWhen, isoWeekday, localDate } from "./time";

describe("clinic-zone dates and times", () => {
  it("gives the local calendar date of an instant in the clinic's zone", () => {
    // 02:30 UTC on the 1st is still the evening of the 31st in Montevideo (UTC-3)
    expect(localDate(new Date("2027-01-01T02:30:00Z"), "America/Montevideo")).toBe("2026-12-31");
    expect(localDate(new Date("2027-01-01T02:30:00Z"), "Europe/Madrid")).toBe("2027-01-01");
  });

  it("adds days across month, year and daylight-saving boundaries", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });

  it("numbers weekdays Monday 1 to Sunday 7", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
  });

  it("shows times in 24-hour clock in the clinic's zone and the reader's language", () => {
    expect(formatTime("2026-12-01T13:05:00Z", "Europe/Madrid", "en")).toBe("14:05");
    expect(formatDay("2026-12-01", "es")).toMatch(/mar/i);
    expect(formatWhen("2026-12-01T13:05:00Z", "Europe/Madrid", "en")).toMatch(/^Tue.*Dec.*\b1\b.*14:05$/);
  });
});
