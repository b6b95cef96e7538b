import { describe, expect, it } from "vitest";
import { mapWithConcurrency } from "./map-with-concurrency";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapWithConcurrency", () => {
  it("never runs more than the limit at once and keeps results in input order", async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6, 2], 3, async (ms, i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await tick(ms);
      inFlight--;
      return i * 10;
    });
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : null))).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
  });

  it("records a rejection without stopping the other items", async () => {
    const results = await mapWithConcurrency([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error("boom");
      return n;
    });
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  });

  it("stops starting new items once shouldStart turns false, and lets started ones finish", async () => {
    let started = 0;
    let finished = 0;
    const results = await mapWithConcurrency(
      Array.from({ length: 10 }, (_, i) => i),
      2,
      async (i) => {
        started++;
        await tick(5);
        finished++;
        return i;
      },
      { shouldStart: () => started < 4 },
    );
    expect(started).toBe(4);
    expect(finished).toBe(4);
    expect(results.filter((r) => r.status === "not_started")).toHaveLength(6);
  });

  it("rejects a limit below one", async () => {
    await expect(mapWithConcurrency([1], 0, async (n) => n)).rejects.toThrow(/positive integer/);
  });
});
