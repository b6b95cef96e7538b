import { describe, expect, it } from "vitest";
import { classifyHttpFailure, classifyNetworkError, parseRetryAfter } from "./provider-outcome";

describe("provider outcomes", () => {
  it("treats 400 and 422 as permanent and 5xx, 429, 401 as transient", () => {
    expect(classifyHttpFailure(422, "invalid to", null)).toMatchObject({ ok: false, kind: "permanent" });
    expect(classifyHttpFailure(400, "", null)).toMatchObject({ kind: "permanent" });
    expect(classifyHttpFailure(503, "", null)).toMatchObject({ kind: "transient" });
    expect(classifyHttpFailure(401, "", null)).toMatchObject({ kind: "transient" });
    expect(classifyHttpFailure(429, "", "7")).toMatchObject({ kind: "transient", retryAfterMs: 7_000 });
  });

  it("parses Retry-After as seconds or an HTTP date and ignores garbage", () => {
    const now = Date.parse("2026-03-01T10:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("reports timeouts and refused connections as transient with a readable reason", () => {
    const timeout = new DOMException("signal timed out", "TimeoutError");
    expect(classifyNetworkError(timeout, 500)).toEqual({
      ok: false,
      kind: "transient",
      error: "timed out after 500 ms",
    });
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    expect(classifyNetworkError(refused, 500)).toEqual({
      ok: false,
      kind: "transient",
      error: "network error: ECONNREFUSED",
    });
  });
});
