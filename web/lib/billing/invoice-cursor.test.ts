import { describe, expect, it } from "vitest";
import { decodeInvoiceCursor, encodeInvoiceCursor } from "./invoice-cursor";

describe("invoice cursors", () => {
  it("round-trips the microseconds and the id", () => {
    const c = { createdAt: "2026-11-30 15:20:01.123456", id: "0b9c7f8e-1d2a-4c3b-9e8f-7a6b5c4d3e2f" };
    expect(decodeInvoiceCursor(encodeInvoiceCursor(c))).toEqual(c);
  });

  it("refuses a tampered cursor as invalid input on the cursor field", () => {
    const bad = Buffer.from("2026-11-30'; drop table x|nope").toString("base64url");
    expect(() => decodeInvoiceCursor(bad)).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }));
    expect(() => decodeInvoiceCursor("%%%")).toThrow(
      expect.objectContaining({ fields: { cursor: expect.any(Array) } }),
    );
  });
});
