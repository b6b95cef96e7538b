// The one place that opens database connections: a single pg Pool per process, shared by auth and the app.
import "server-only";
import { Pool, types } from "pg";
import { env } from "@/lib/env";
import { connectionConfig } from "./connection-config";

// bigint (int8) counts come back as numbers; values we store as int8 stay far below 2^53.
types.setTypeParser(20, (v) => Number(v));
// `date` stays a plain YYYY-MM-DD string: converting it to a JS Date would shift it by the server's zone.
types.setTypeParser(1082, (v) => v);
// The same for date[]: parse it as text[] so each element stays "YYYY-MM-DD".
type Oid = Parameters<typeof types.setTypeParser>[0];
const TEXT_ARRAY = 1009 as Oid;
const DATE_ARRAY = 1182 as Oid;
const parseTextArray = types.getTypeParser(TEXT_ARRAY, "text") as (v: string) => string[];
types.setTypeParser(DATE_ARRAY, (v: string) => parseTextArray(v));

const globalForPool = globalThis as unknown as { vetePool?: Pool };

export function getPool(): Pool {
  if (!globalForPool.vetePool) {
    const { database } = env();
    // TLS as sslmode says (connection-config.ts); the pool size from DATABASE_POOL_MAX, small on Vercel.
    const { connectionString, ssl } = connectionConfig(database.url, database.ca);
    globalForPool.vetePool = new Pool({
      connectionString,
      ssl,
      max: database.poolMax,
      idleTimeoutMillis: 10_000,
      application_name: "vete",
    });
    globalForPool.vetePool.on("error", (err) => console.error("[db] idle client error", err.message));
  }
  return globalForPool.vetePool;
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.vetePool;
  globalForPool.vetePool = undefined;
  if (pool) await pool.end();
}
