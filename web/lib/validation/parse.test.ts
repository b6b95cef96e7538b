import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseWith } from "./parse";

describe("parseWith", () => {
  it("lists the wrong fields", () => {
    try {
      parseWith(z.object({ name: z.string(), age: z.number() }), { name: 1, age: "x" });
      throw new Error("expected a throw");
    } catch (err) {
      expect(err).toMatchObject({ code: "INVALID_INPUT", status: 422, message: "Please check: name, age." });
      expect(Object.keys((err as { fields: object }).fields)).toEqual(["name", "age"]);
    }
  });
});
