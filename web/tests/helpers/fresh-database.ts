// Throwaway databases inside the running test cluster, for tests that need an empty schema
// (migrations from scratch, migration runner races). Created and dropped through the owner connection, and
// always on the direct connection (never through a test pooler): migrations take a session-level lock.
import { randomUUID } from "node:crypto";
import { Client } from "pg";

export interface FreshDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const directUrl = () => process.env.VETE_TEST_DIRECT_DATABASE_URL ?? process.env.DATABASE_URL;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const base = directUrl();
  if (!base) throw new Error("DATABASE_URL is not set (setup-env.ts sets it for integration tests)");
  const c = new Client({ connectionString: withDatabase(base, "postgres") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates an empty database; call drop() when done (also terminates leftover connections). */
export async function createFreshDatabase(prefix = "vete_fresh"): Promise<FreshDatabase> {
  const name = `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await admin((c) => c.query(`create database "${name}"`));
  const base = directUrl() ?? "";
  return {
    name,
    url: withDatabase(base, name),
    drop: () =>
      admin(async (c) => {
        await c.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}
