// On Supabase, default privileges grant ALL on every new object in schema public to anon, authenticated and
// service_role; on plain PostgreSQL nothing is granted unless a migration says so. The effective privileges
// must not depend on that: after every migration, a database prepared like Supabase's and a plain one must
// let anon, authenticated and PUBLIC do exactly the same things (tables, columns, sequences, functions,
// schemas), on each PostgreSQL we promise (the embedded 18 and Debian's 15). service_role exists only on
// Supabase: it must hold nothing on our objects beyond what PUBLIC holds (330_make_privileges_explicit.sql).
//
// To see this test fail without the migrations that make the privileges explicit (330-339), run:
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/integration/privilege-matrix.test.ts
// Never set the variable in CI.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "@/lib/db/migrate";
import { describeDiff, diffMatrices, readPrivilegeMatrix } from "../helpers/privilege-matrix";
import {
  DEBIAN_PG15_BIN,
  debianPostgres15,
  embeddedServer,
  startScratchCluster,
  type PostgresServer,
  type ScratchCluster,
} from "../helpers/scratch-postgres";
import { prepareSupabaseLikeDatabase } from "../helpers/supabase-like-database";

const ROLES = ["anon", "authenticated", "public"];
const EXPLICIT_PRIVILEGES = /^33\d_/; // 330-339: the migrations this test guards
const withoutGuard = process.env.VETE_PROVE_WITHOUT_GUARD === "1";

const tempDirs: string[] = [];
afterAll(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** A copy of the migrations folder holding only the files `keep` accepts. */
async function migrationsWhere(keep: (name: string) => boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "vete-migrations-"));
  tempDirs.push(dir);
  for (const name of await readdir(MIGRATIONS_DIR)) {
    if (keep(name)) await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name));
  }
  return dir;
}

async function withClient<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const matrixOf = (url: string, roles = ROLES) => withClient(url, (c) => readPrivilegeMatrix(c, roles));

async function createDatabase(cluster: ScratchCluster, name: string): Promise<string> {
  await withClient(cluster.url("postgres"), (c) => c.query(`create database "${name}"`));
  return cluster.url(name);
}

function privilegeMatrixSuite(label: string, server: () => Promise<PostgresServer>) {
  describe(`privilege matrix on ${label}`, () => {
    let plain: ScratchCluster | undefined;
    let supabase: ScratchCluster | undefined;
    let plainUrl = "";
    let supabaseUrl = "";
    let applied: string[] = [];
    let allFiles: string[] = [];

    beforeAll(async () => {
      const s = await server();
      [plain, supabase] = await Promise.all([
        startScratchCluster(s, { label: "vete-plain" }),
        startScratchCluster(s, { superuser: "supabase_admin", label: "vete-supabase" }),
      ]);
      allFiles = (await readMigrations()).map((f) => f.name);
      const dir = withoutGuard ? await migrationsWhere((n) => !EXPLICIT_PRIVILEGES.test(n)) : undefined;
      plainUrl = await createDatabase(plain, "vete");
      supabaseUrl = await prepareSupabaseLikeDatabase(supabase, "vete");
      await migrate(plainUrl, { dir });
      applied = (await migrate(supabaseUrl, { dir })).applied;
    });

    afterAll(async () => {
      await Promise.all([plain?.stop(), supabase?.stop()]);
    });

    it("applies every migration to a Supabase-like database as its non-superuser postgres role", async () => {
      expect(applied).toEqual(withoutGuard ? allFiles.filter((n) => !EXPLICIT_PRIVILEGES.test(n)) : allFiles);
      const [role] = await withClient(supabaseUrl, async (c) => {
        const { rows } = await c.query<{ name: string; superuser: boolean }>(
          "select current_user as name, rolsuper as superuser from pg_catalog.pg_roles where rolname = current_user",
        );
        return rows;
      });
      expect(role).toEqual({ name: "postgres", superuser: false });
    });

    it("gives anon, authenticated and PUBLIC the same effective privileges as on plain PostgreSQL", async () => {
      const [onPlain, onSupabase] = await Promise.all([matrixOf(plainUrl), matrixOf(supabaseUrl)]);
      expect(onPlain.length).toBeGreaterThan(0);
      const diff = describeDiff(diffMatrices(onPlain, onSupabase), "plain PostgreSQL", "the Supabase-like database");
      expect(diff, "effective privileges differ").toBe("");
    });

    it("leaves service_role nothing on our tables, columns, sequences and functions beyond what PUBLIC has", async () => {
      const [service, everyone] = await Promise.all([
        matrixOf(supabaseUrl, ["service_role"]),
        matrixOf(supabaseUrl, ["public"]),
      ]);
      const publicHas = new Set(everyone.map((l) => l.replace(" | public | ", " | service_role | ")));
      // Usage on schemas public and extensions is Supabase's own grant, and gives nothing by itself.
      const extra = service.filter((l) => !l.startsWith("schema ") && !publicHas.has(l));
      expect(extra).toEqual([]);
    });

    it("grants nothing implicitly on objects a later migration creates, even with Supabase's defaults", async () => {
      const granted = await withClient(supabaseUrl, async (c) => {
        await c.query("begin");
        try {
          await c.query(`create table public.privilege_probe (id bigint generated always as identity primary key);
                         create function public.privilege_probe_fn() returns int language sql as 'select 1';
                         create function private.privilege_probe_fn() returns int language sql as 'select 1';`);
          const { rows } = await c.query<{ role: string; what: string }>(
            `select r.role, w.what
               from unnest(array['anon', 'authenticated', 'public', 'service_role']) r(role),
                    lateral (values
                      ('table', pg_catalog.has_table_privilege(r.role, 'public.privilege_probe',
                                 'select, insert, update, delete, truncate, references, trigger')),
                      ('sequence', pg_catalog.has_sequence_privilege(r.role, 'public.privilege_probe_id_seq',
                                    'usage, select, update')),
                      ('public function', pg_catalog.has_function_privilege(r.role, 'public.privilege_probe_fn()', 'execute')),
                      ('private function', pg_catalog.has_function_privilege(r.role, 'private.privilege_probe_fn()', 'execute'))
                    ) w(what, has)
              where w.has order by 1, 2`,
          );
          return rows;
        } finally {
          await c.query("rollback");
        }
      });
      expect(granted).toEqual([]);
    });

    it("changes no effective privilege on plain PostgreSQL with the migrations that make them explicit", async () => {
      if (!plain) throw new Error("plain cluster not started");
      const url = await createDatabase(plain, "vete_before_after");
      expect(
        allFiles.some((n) => EXPLICIT_PRIVILEGES.test(n)),
        "no migration numbered 330-339",
      ).toBe(true);
      await migrate(url, { dir: await migrationsWhere((n) => n < "330") });
      const before = await matrixOf(url);
      await migrate(url, { dir: await migrationsWhere((n) => n < "340") });
      const after = await matrixOf(url);
      expect(describeDiff(diffMatrices(before, after), "before 330", "after 339")).toBe("");
    });
  });
}

privilegeMatrixSuite("PostgreSQL 18 (embedded)", embeddedServer);

const pg15 = debianPostgres15();
if (pg15) {
  privilegeMatrixSuite("PostgreSQL 15 (Debian)", async () => pg15);
} else {
  console.warn(
    `[privilege-matrix] PostgreSQL 15 is not installed (no ${DEBIAN_PG15_BIN}): its run is skipped here. ` +
      "Install it with `apt-get install postgresql-15`; .ci/run does, and CI fails without it.",
  );
  describe("privilege matrix on PostgreSQL 15 (Debian)", () => {
    it.skipIf(!process.env.CI)("needs postgresql-15 installed (CI always installs it)", () => {
      expect.fail(`PostgreSQL 15 is not installed in CI (no ${DEBIAN_PG15_BIN}); .ci/run should install it`);
    });
  });
}
