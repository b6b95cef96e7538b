import { describe, expect, it } from "vitest";
import { refillsLeft } from "./prescription-record";

describe("refillsLeft", () => {
  it("counts the fills after the next one", () => {
    expect(refillsLeft(90, 30)).toBe(2);
    expect(refillsLeft(60, 30)).toBe(1);
    expect(refillsLeft(30, 30)).toBe(0);
  });
  it("counts a partly used fill as a fill", () => {
    expect(refillsLeft(70, 30)).toBe(2);
    expect(refillsLeft(5, 30)).toBe(0);
  });
  it("is zero when nothing remains", () => {
    expect(refillsLeft(0, 30)).toBe(0);
  });
});
