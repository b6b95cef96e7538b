// Migrations must rebuild the schema from nothing (the old platform's could not), apply each file once
// even with two runners racing, refuse edited history, and leave no trace of a file that fails.
import { appendFile, cp, mkdtemp, readdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

const created: FreshDatabase[] = [];
const tempDirs: string[] = [];

async function fresh(): Promise<FreshDatabase> {
  const db = await createFreshDatabase("vete_migr");
  created.push(db);
  return db;
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vete-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

async function query<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

let allFiles: string[] = [];

beforeAll(async () => {
  allFiles = (await readMigrations()).map((f) => f.name);
});

afterAll(async () => {
  for (const db of created) await db.drop().catch((e: unknown) => console.error("drop failed", db.name, e));
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrations", () => {
  it("finds migration files named NNN_verb_object.sql", async () => {
    const names = (await readdir(MIGRATIONS_DIR)).filter((n) => n.endsWith(".sql"));
    expect(names.length).toBeGreaterThan(0);
    expect(allFiles).toEqual([...names].sort());
  });

  it("applies every migration to an empty database, and nothing on a second run", async () => {
    const db = await fresh();
    const first = await migrate(db.url);
    expect(first.applied).toEqual(allFiles);
    expect(first.skipped).toBe(0);

    const recorded = await query<{ name: string }>(db.url, "select name from private.schema_migrations order by name");
    expect(recorded.map((r) => r.name)).toEqual(allFiles);

    const second = await migrate(db.url);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toBe(allFiles.length);
  });

  it("applies each file exactly once when two runners start at the same time on a fresh database", async () => {
    const db = await fresh();
    const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
    const appliedByBoth = a.applied.filter((n) => b.applied.includes(n));
    expect(appliedByBoth).toEqual([]);
    expect([...a.applied, ...b.applied].sort()).toEqual(allFiles);

    const counts = await query<{ name: string; n: number }>(
      db.url,
      "select name, count(*)::int as n from private.schema_migrations group by name order by name",
    );
    expect(counts.map((r) => r.name)).toEqual(allFiles);
    expect(counts.every((r) => r.n === 1)).toBe(true);
  });

  it("refuses to run when an already-applied file was edited (checksum mismatch)", async () => {
    const db = await fresh();
    const dir = await copyOfMigrations();
    await migrate(db.url, { dir });
    const first = allFiles[0];
    if (!first) throw new Error("no migrations");
    await appendFile(path.join(dir, first), "\n-- edited after it was applied\n");
    await expect(migrate(db.url, { dir })).rejects.toThrow(/checksum/i);
  });

  it("refuses to run when an already-applied file is missing", async () => {
    const db = await fresh();
    const dir = await copyOfMigrations();
    await migrate(db.url, { dir });
    const last = allFiles.at(-1);
    if (!last) throw new Error("no migrations");
    await unlink(path.join(dir, last));
    await expect(migrate(db.url, { dir })).rejects.toThrow(
      `migration ${last} was applied to this database but its file is missing`,
    );
  });

  it("refuses an applied file that was renumbered (missing under its old name)", async () => {
    const db = await fresh();
    const dir = await copyOfMigrations();
    await migrate(db.url, { dir });
    const first = allFiles[0];
    if (!first) throw new Error("no migrations");
    await rename(path.join(dir, first), path.join(dir, first.replace(/^\d{3}/, "000")));
    await expect(migrate(db.url, { dir })).rejects.toThrow(/file is missing/);
  });

  it("refuses a pending file numbered below the highest applied one, and applies nothing", async () => {
    const db = await fresh();
    const dir = await copyOfMigrations();
    await migrate(db.url, { dir });
    await writeFile(path.join(dir, "998_add_late_things.sql"), "select 1;\n");
    await migrate(db.url, { dir });
    const late = "002_create_slipped_in_things.sql";
    await writeFile(
      path.join(dir, late),
      "create table public.slipped_in_things (id int primary key);\nalter table public.slipped_in_things enable row level security;\n",
    );
    await writeFile(path.join(dir, "999_add_later_things.sql"), "select 1;\n");
    await expect(migrate(db.url, { dir })).rejects.toThrow(
      `migration ${late} is numbered below 998_add_late_things.sql, which is already applied here`,
    );
    const table = await query<{ t: string | null }>(
      db.url,
      "select to_regclass('public.slipped_in_things')::text as t",
    );
    expect(table[0]?.t).toBeNull();
    const later = await query(
      db.url,
      "select 1 from private.schema_migrations where name = '999_add_later_things.sql'",
    );
    expect(later).toHaveLength(0);
  });

  it("rolls back a failing migration entirely and does not record it", async () => {
    const db = await fresh();
    const dir = await copyOfMigrations();
    await migrate(db.url, { dir });
    const failing = "999_create_half_done_things.sql";
    await writeFile(
      path.join(dir, failing),
      `create table public.half_done_things (id int primary key);
       alter table public.half_done_things enable row level security;
       insert into public.half_done_things values (1);
       select 1 / 0;`,
    );
    await expect(migrate(db.url, { dir })).rejects.toThrow(/999_create_half_done_things\.sql failed: division by zero/);

    const table = await query<{ t: string | null }>(db.url, "select to_regclass('public.half_done_things')::text as t");
    expect(table[0]?.t).toBeNull();
    const recorded = await query(db.url, "select 1 from private.schema_migrations where name = $1", [failing]);
    expect(recorded).toHaveLength(0);
    const stillThere = await query(db.url, "select 1 from private.schema_migrations");
    expect(stillThere).toHaveLength(allFiles.length);
    // the lock was released: a later run with the file fixed applies it
    await writeFile(
      path.join(dir, failing),
      "create table public.half_done_things (id int primary key);\nalter table public.half_done_things enable row level security;\n",
    );
    const retry = await migrate(db.url, { dir });
    expect(retry.applied).toEqual([failing]);
  });
});
