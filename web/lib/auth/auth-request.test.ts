import { describe, expect, it } from "vitest";
import { authErrorKey } from "./auth-request";

describe("authErrorKey", () => {
  it("maps rate limiting before any code", () => {
    expect(authErrorKey({ ok: false, status: 429, code: null, data: null })).toBe("rateLimited");
  });

  it("maps better-auth codes to clear messages", () => {
    expect(authErrorKey({ ok: false, status: 401, code: "INVALID_EMAIL_OR_PASSWORD", data: null })).toBe(
      "wrongPassword",
    );
    expect(authErrorKey({ ok: false, status: 403, code: "EMAIL_NOT_VERIFIED", data: null })).toBe("unverified");
    expect(authErrorKey({ ok: false, status: 400, code: "INVALID_TOKEN", data: null })).toBe("resetInvalid");
  });

  it("falls back to a generic message for unknown codes", () => {
    expect(authErrorKey({ ok: false, status: 500, code: "SOMETHING", data: null })).toBe("genericError");
  });
});
