// Applies web/db/migrations/NNN_verb_object.sql in order: one transaction per file, an advisory lock so
// two runners never race. Migrations are append-only, and the runner refuses a history that was rewritten:
// an applied file that is now missing, an applied file whose checksum changed, or a pending file numbered
// below the highest applied one (it would run out of order on this database, but in order on a fresh one).
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Client } from "pg";
import { connectionConfig, type DatabaseCa } from "./connection-config";

export const MIGRATIONS_DIR = path.join(__dirname, "..", "..", "db", "migrations");
const LOCK_KEY = 7_246_310_001; // arbitrary, constant: "vete migrations"
const FILE_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  name: string;
  checksum: string;
  sql: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".sql")).sort();
  const seen = new Set<string>();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const m = FILE_NAME.exec(name);
    if (!m || !m[1]) throw new Error(`migration file name must be NNN_verb_object.sql: ${name}`);
    if (seen.has(m[1])) throw new Error(`two migrations share the number ${m[1]}`);
    seen.add(m[1]);
    const sql = await readFile(path.join(dir, name), "utf8");
    files.push({ name, sql, checksum: createHash("sha256").update(sql).digest("hex") });
  }
  return files;
}

const REBUILD_HINT =
  "Migrations are append-only: undo the change and add a new migration numbered above the highest one. " +
  "(A local development database can be rebuilt instead: delete .data/ and run npm start.)";

/** Refuses to run when the files on disk no longer tell the history this database went through. */
function checkHistory(files: MigrationFile[], applied: Map<string, string>): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const [name, checksum] of [...applied].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const file = byName.get(name);
    if (!file)
      throw new Error(`migration ${name} was applied to this database but its file is missing. ${REBUILD_HINT}`);
    if (file.checksum !== checksum) {
      throw new Error(`migration ${name} was edited after it was applied (checksum mismatch). ${REBUILD_HINT}`);
    }
  }
  const highest = [...applied.keys()].sort().at(-1);
  if (!highest) return;
  const outOfOrder = files.filter((f) => !applied.has(f.name) && f.name < highest).map((f) => f.name);
  if (outOfOrder.length > 0) {
    throw new Error(
      `migration ${outOfOrder.join(", ")} is numbered below ${highest}, which is already applied here. ${REBUILD_HINT}`,
    );
  }
}

export interface MigrateResult {
  applied: string[];
  skipped: number;
}

export async function migrate(
  connectionString: string,
  opts: { dir?: string; log?: (line: string) => void; ca?: DatabaseCa } = {},
): Promise<MigrateResult> {
  const log = opts.log ?? (() => undefined);
  const files = await readMigrations(opts.dir);
  // The direct connection (never a transaction pooler: the lock below is held by the session), TLS as sslmode says.
  const { connectionString: plain, ssl } = connectionConfig(connectionString, opts.ca);
  const client = new Client({ connectionString: plain, ssl, application_name: "vete-migrate" });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`
      create schema if not exists private;
      create table if not exists private.schema_migrations (
        name text primary key,
        checksum text not null,
        applied_at timestamptz not null default now()
      );
      alter table private.schema_migrations enable row level security;`);
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "select name, checksum from private.schema_migrations",
    );
    checkHistory(files, new Map(rows.map((r) => [r.name, r.checksum])));
    const applied = new Set(rows.map((r) => r.name));
    const result: MigrateResult = { applied: [], skipped: 0 };
    for (const file of files) {
      if (applied.has(file.name)) {
        result.skipped++;
        continue;
      }
      log(`applying ${file.name}`);
      try {
        await client.query("begin");
        await client.query(file.sql);
        await client.query("insert into private.schema_migrations (name, checksum) values ($1, $2)", [
          file.name,
          file.checksum,
        ]);
        await client.query("commit");
      } catch (err) {
        await client.query("rollback").catch(() => undefined);
        throw new Error(`migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      result.applied.push(file.name);
    }
    return result;
  } finally {
    await client.query("select pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
