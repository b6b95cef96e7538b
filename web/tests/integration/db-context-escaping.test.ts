// withUser() sends its context setup as one query built from escaped literals, and the pool keeps dates as text:
// and backslashes must arrive intact and must not be able to break out of the literal.
import { afterAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { randomUUID } from "node:crypto";

afterAll(async () => {
  await closePool();
});

describe("withUser claims escaping", () => {
  it("round-trips an email with quotes and backslashes exactly, as the authenticated role", async () => {
    const email = `o'brien\\"; set role postgres; --${randomUUID().slice(0, 6)}@example.test`;
    const userId = randomUUID();
    const row = await withUser({ userId, email }, async (db) => {
      const { rows } = await db.query<{ claims: { sub: string; email: string }; role: string; uid: string }>(
        "select current_setting('request.jwt.claims')::jsonb as claims, current_user as role, private.current_user_id()::text as uid",
      );
      return rows[0]!;
    });
    expect(row.claims.email).toBe(email);
    expect(row.uid).toBe(userId);
    expect(row.role).toBe("authenticated");
  });
});

describe("type parsing on the app's pool", () => {
  it("keeps date and date[] values as YYYY-MM-DD strings, whatever the process time zone", async () => {
    const row = await withUser({ userId: randomUUID(), email: "dates@example.test" }, async (db) => {
      const { rows } = await db.query<{ d: unknown; ds: unknown }>(
        "select date '2026-03-29' as d, array[date '2026-03-29', date '2026-10-25'] as ds",
      );
      return rows[0]!;
    });
    expect(row.d).toBe("2026-03-29");
    expect(row.ds).toEqual(["2026-03-29", "2026-10-25"]);
  });
});
