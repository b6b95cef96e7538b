import { describe, expect, it } from "vitest";
import { isPlatformOperator, parseEmailList } from "./platform-operators";

describe("platform operators", () => {
  const operators = parseEmailList(" Ops@Vete.test, ,second@vete.test ");

  it("parses a comma-separated list case-insensitively and skips empty entries", () => {
    expect([...operators]).toEqual(["ops@vete.test", "second@vete.test"]);
    expect(parseEmailList(undefined).size).toBe(0);
  });

  it("admits a listed, verified address in any case", () => {
    expect(isPlatformOperator({ email: "OPS@vete.test", emailVerified: true }, operators)).toBe(true);
  });

  it("refuses an unverified listed address and anyone not listed (a clinic owner included)", () => {
    expect(isPlatformOperator({ email: "ops@vete.test", emailVerified: false }, operators)).toBe(false);
    expect(isPlatformOperator({ email: "owner@demo.vete.test", emailVerified: true }, operators)).toBe(false);
    expect(isPlatformOperator({ email: "ops@vete.test", emailVerified: true }, parseEmailList(""))).toBe(false);
  });
});
