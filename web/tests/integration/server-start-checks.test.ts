// What every server process checks as it starts (web/instrumentation.ts; Next runs it under next start,
// serve.ts and on Vercel): a production server on a real database will not serve while an account still
// has the published demo password. Runs on a database of its own, since it seeds the demo accounts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/seed";
import { closePool } from "@/lib/db/pool";
import { register } from "@/instrumentation";
import { useStandInDatabase } from "../helpers/stand-in-database";

let url: string;
// As `next start` sets it (typed read-only by @types/node, writable at run time).
const asProduction = () => Object.assign(process.env, { NODE_ENV: "production" });

beforeAll(async () => {
  url = await useStandInDatabase("start_checks");
  process.env.NEXT_RUNTIME = "nodejs";
});

afterAll(closePool);

describe("server start checks", () => {
  it("starts a production server on a database without demo accounts", async () => {
    asProduction();
    await expect(register()).resolves.toBeUndefined();
  });

  it("refuses a production server while an account has the published demo password", async () => {
    await seedDemo(url);
    asProduction();
    await expect(register()).rejects.toThrow(/published demo password.*owner@demo\.vete\.test/);
  });
});
