// The shifted-clock runs (documentation/testing.md) move the clock with libfaketime for this process and every
// child it starts. This test proves that the database shares the test's clock: if the time shift did not
// reach PostgreSQL, `now()` in SQL and `Date.now()` in the test would disagree and every "is it in the past"
// check would compare two different days.
import { afterAll, describe, expect, it } from "vitest";
import { closeTestPool, testPool } from "../helpers/factories";

afterAll(async () => {
  await closeTestPool();
});

describe("clocks", () => {
  it("PostgreSQL and the test process agree on the current time (within a minute)", async () => {
    const before = Date.now();
    const { rows } = await testPool().query<{ now: Date }>("select clock_timestamp() as now");
    const after = Date.now();
    const db = rows[0]?.now.getTime() ?? 0;
    expect(db).toBeGreaterThan(before - 60_000);
    expect(db).toBeLessThan(after + 60_000);
  });
});
