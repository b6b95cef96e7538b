// A private database on the test cluster for files that run jobs over the whole outbox (the delivery
// and reminder jobs claim every due row). Other test files share the default database and write outbox
// rows of their own; a job run here must not deliver them, so these files migrate a database of their own.
// Call before anything opens the app pool or testPool(): it repoints DATABASE_URL. Returns the direct URL.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";

export async function useStandInDatabase(prefix: string): Promise<string> {
  const base = process.env.VETE_TEST_DIRECT_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set (integration setup-env missing?)");
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`.replace(/[^a-z0-9_]/g, "_");
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  // The app and the test pool reach the new database the way they reach the default one (maybe a pooler).
  const app = new URL(process.env.DATABASE_URL ?? base);
  app.pathname = `/${name}`;
  process.env.DATABASE_URL = app.toString();
  return url.toString();
}
