import { describe, expect, it } from "vitest";
import { hasAttemptsLeft, MAX_ATTEMPTS, retryDelayMs } from "./retry-policy";

describe("retryDelayMs", () => {
  it("doubles per attempt with jitter between half and all of the step", () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(30_000);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, undefined, () => 0)).toBe(120_000);
    expect(retryDelayMs(3, undefined, () => 1)).toBe(240_000);
  });

  it("caps the delay at one hour", () => {
    expect(retryDelayMs(30, undefined, () => 1)).toBe(3_600_000);
  });

  it("honours the provider's Retry-After exactly, even when shorter than the backoff", () => {
    expect(retryDelayMs(5, 120_000, () => 1)).toBe(120_000);
    expect(retryDelayMs(1, 2_000, () => 1)).toBe(2_000);
  });

  it("allows attempts up to the maximum", () => {
    expect(hasAttemptsLeft(MAX_ATTEMPTS - 1)).toBe(true);
    expect(hasAttemptsLeft(MAX_ATTEMPTS)).toBe(false);
  });
});
