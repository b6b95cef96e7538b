// `npm start` against a real database (DATABASE_URL): no generated secrets, no demo accounts, and no start
// while an account still has the published demo password. Runs the real start script on a fresh database;
// the web server itself is never reached (there is no build in the folder it is pointed at).
import { spawn } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/db/seed/seed";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

const root = path.join(__dirname, "..", "..", "..");
const created: FreshDatabase[] = [];

afterAll(async () => {
  for (const db of created) await db.drop();
});

async function fresh(): Promise<FreshDatabase> {
  const db = await createFreshDatabase("vete_start");
  created.push(db);
  return db;
}

const secrets = {
  BETTER_AUTH_SECRET: "start-test-secret-start-test-secret-0123",
  CRON_SECRET: "start-test-cron-secret-0123",
};

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const base = { ...process.env };
  for (const name of [
    "BETTER_AUTH_SECRET",
    "CRON_SECRET",
    "VETE_EMBEDDED_DB",
    "VETE_SOCKET_ADDRESS_HEADER",
    "NODE_ENV",
  ])
    delete base[name];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "web/scripts/start.ts", "--no-build"], {
      cwd: root,
      env: { ...base, PORT: "3299", NEXT_DIST_DIR: `.next-missing-${process.pid}`, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function count(url: string, sql: string): Promise<number> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(sql);
    return rows[0]?.n ?? 0;
  } finally {
    await c.end();
  }
}

describe("npm start with DATABASE_URL", () => {
  it("fails closed without BETTER_AUTH_SECRET, saying so, before touching the database", async () => {
    const db = await fresh();
    const { code, output } = await runStart({ DATABASE_URL: db.url, CRON_SECRET: secrets.CRON_SECRET });
    expect(code).not.toBe(0);
    expect(output).toContain("BETTER_AUTH_SECRET is required");
    expect(await count(db.url, "select count(*)::int as n from pg_tables where schemaname = 'public'")).toBe(0);
  });

  it("never seeds the demo accounts", async () => {
    const db = await fresh();
    const { output } = await runStart({ DATABASE_URL: db.url, ...secrets });
    expect(output).toContain("migrations:");
    expect(output).not.toContain("demo data ready");
    expect(await count(db.url, "select count(*)::int as n from public.users")).toBe(0);
    expect(await count(db.url, "select count(*)::int as n from public.clinics")).toBe(0);
  });

  it("refuses to start a production build while an account has the published demo password", async () => {
    const db = await fresh();
    await migrate(db.url, { log: () => undefined });
    await seedDemo(db.url);
    const { code, output } = await runStart({ DATABASE_URL: db.url, ...secrets });
    expect(code).not.toBe(0);
    expect(output).toContain("published demo password");
    expect(output).toContain("owner@demo.vete.test");
  });
});
