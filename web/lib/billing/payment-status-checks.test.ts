import { describe, expect, it } from "vitest";
import { STATUS_CHECK_DELAYS, checksDoneFrom, nextStatusCheckDelay } from "./payment-status-checks";

describe("payment status checks", () => {
  const schedule = () => {
    const delays: number[] = [];
    for (let n = 0; ; n++) {
      const d = nextStatusCheckDelay(n);
      if (d === null) return delays;
      delays.push(d);
      if (delays.length > 100) throw new Error("never stops");
    }
  };

  it("looks again after 3 seconds at first", () => {
    expect(nextStatusCheckDelay(0)).toBe(3);
  });

  it("never looks again sooner than the time before", () => {
    const delays = schedule();
    delays.forEach((d, i) => expect(d).toBeGreaterThanOrEqual(delays[i - 1] ?? 0));
    expect(delays.at(-1)).toBeGreaterThan(delays[0] ?? Infinity);
  });

  it("stops after about two minutes of looking", () => {
    const total = schedule().reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(100);
    expect(total).toBeLessThanOrEqual(150);
    expect(nextStatusCheckDelay(STATUS_CHECK_DELAYS.length)).toBeNull();
    expect(nextStatusCheckDelay(999)).toBeNull();
  });

  it("reads the count from the address, and treats anything else as the first look", () => {
    expect(checksDoneFrom("4")).toBe(4);
    expect(checksDoneFrom(undefined)).toBe(0);
    expect(checksDoneFrom(["4", "5"])).toBe(0);
    expect(checksDoneFrom("-1")).toBe(0);
    expect(checksDoneFrom("2.5")).toBe(0);
    expect(checksDoneFrom("1e9")).toBe(0);
  });
});
