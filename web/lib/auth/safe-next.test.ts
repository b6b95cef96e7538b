import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps relative paths with query and hash", () => {
    expect(safeNext("/demo/portal?tab=pets#x")).toBe("/demo/portal?tab=pets#x");
    expect(safeNext("/account")).toBe("/account");
  });

  it("rejects absolute, protocol-relative and backslash URLs", () => {
    for (const bad of [
      "https://evil.test/",
      "//evil.test/x",
      "/\\evil.test",
      "javascript:alert(1)",
      "evil",
      "/a\\b",
      "/\t/evil.test",
      "",
    ]) {
      expect(safeNext(bad, "/home")).toBe("/home");
    }
  });

  it("rejects non-strings", () => {
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext(["/a"])).toBe("/");
  });
});
