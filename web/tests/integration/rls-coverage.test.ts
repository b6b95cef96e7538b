// Row level security is the guard: every table has it on, no function is executable by PUBLIC, security
// definer lives only in schema private with an empty search_path, and policies read as sentences.
// Discovered from the migrated catalog, so tables and functions added by any migration are covered.
import { afterAll, describe, expect, it } from "vitest";
import {
  functionsExecutableByPublic,
  policiesWithoutSentenceNames,
  tablesWithoutRls,
  unsafeSecurityDefiners,
  viewsBypassingRls,
  type Queryable,
} from "../helpers/catalog-checks";
import { closeTestPool, testPool } from "../helpers/factories";

afterAll(closeTestPool);

/** Runs fn on one connection inside a transaction that is always rolled back. */
async function inRolledBackTransaction<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await testPool().connect();
  try {
    await client.query("begin");
    return await fn(client);
  } finally {
    await client.query("rollback");
    client.release();
  }
}

const report = (what: string, offenders: string[]) => `${what}:\n  ${offenders.join("\n  ")}`;

describe("catalog security guards", () => {
  it("has row level security enabled on every table in public and private", async () => {
    const offenders = await tablesWithoutRls(testPool());
    expect(
      offenders,
      report("tables without RLS (add `alter table ... enable row level security`)", offenders),
    ).toEqual([]);
  });

  it("lets PUBLIC execute no function in public or private", async () => {
    const offenders = await functionsExecutableByPublic(testPool());
    expect(
      offenders,
      report("functions executable by PUBLIC (add `revoke all on function ... from public`)", offenders),
    ).toEqual([]);
  });

  it("keeps every security definer function in schema private with search_path set to ''", async () => {
    const offenders = await unsafeSecurityDefiners(testPool());
    expect(offenders, report("unsafe security definer functions", offenders)).toEqual([]);
  });

  it("names every policy as a sentence", async () => {
    const offenders = await policiesWithoutSentenceNames(testPool());
    expect(offenders, report("policies without sentence-like names", offenders)).toEqual([]);
  });

  it("lets anon and authenticated read no view that bypasses RLS (owner-rights or materialized views)", async () => {
    const offenders = await viewsBypassingRls(testPool());
    expect(
      offenders,
      report("views readable by users that bypass RLS (use `with (security_invoker = true)`)", offenders),
    ).toEqual([]);
  });

  it("reports a table, function and policy that break the rules (the guards can fail)", async () => {
    const found = await inRolledBackTransaction(async (db) => {
      await db.query("create table public.guard_probe_no_rls (id int primary key)");
      await db.query("create table private.guard_probe_with_rls (id int primary key)");
      await db.query("alter table private.guard_probe_with_rls enable row level security");
      await db.query("create policy guard_probe on private.guard_probe_with_rls for select using (true)");
      await db.query("create function public.guard_probe_open() returns int language sql as 'select 1'");
      await db.query(
        "create function public.guard_probe_definer() returns int language sql security definer as 'select 1'",
      );
      await db.query("revoke all on function public.guard_probe_definer() from public");
      await db.query(
        "create function private.guard_probe_granted() returns int language sql security definer set search_path = public as 'select 1'",
      );
      await db.query("revoke all on function private.guard_probe_granted() from public");
      await db.query("grant execute on function private.guard_probe_granted() to public");
      await db.query("create view public.guard_probe_owner_view as select 1 as x");
      await db.query("grant select on public.guard_probe_owner_view to authenticated");
      await db.query("create view public.guard_probe_invoker_view with (security_invoker = true) as select 1 as x");
      await db.query("grant select on public.guard_probe_invoker_view to authenticated");
      return {
        views: await viewsBypassingRls(db),
        tables: await tablesWithoutRls(db),
        functions: await functionsExecutableByPublic(db),
        definers: await unsafeSecurityDefiners(db),
        policies: await policiesWithoutSentenceNames(db),
      };
    });
    expect(found.tables).toContain("public.guard_probe_no_rls");
    expect(found.tables).not.toContain("private.guard_probe_with_rls");
    // created after `alter default privileges ... revoke execute`, so only the explicit grant shows up;
    // the default-privilege case (null proacl) is covered by the next test
    expect(found.functions).toContain("private.guard_probe_granted()");
    expect(found.definers).toContain("public.guard_probe_definer(): security definer outside schema private");
    expect(found.definers).toContain("public.guard_probe_definer(): security definer without set search_path");
    expect(found.definers).toContain(
      "private.guard_probe_granted(): security definer with search_path=public (use set search_path = '')",
    );
    expect(found.policies).toContain("private.guard_probe_with_rls: guard_probe");
    expect(found.views).toContain("public.guard_probe_owner_view (view without security_invoker)");
    expect(found.views.filter((v) => v.includes("guard_probe_invoker_view"))).toEqual([]);

    const after = await tablesWithoutRls(testPool());
    expect(after).not.toContain("public.guard_probe_no_rls");
  });

  it("treats a function with default privileges (null proacl) as executable by PUBLIC", async () => {
    const found = await inRolledBackTransaction(async (db) => {
      // a role without the migrations' `alter default privileges` gets PostgreSQL's defaults: EXECUTE for PUBLIC
      await db.query("create role guard_probe_role");
      await db.query("grant create, usage on schema public to guard_probe_role");
      await db.query("set local role guard_probe_role");
      await db.query("create function public.guard_probe_default_acl() returns int language sql as 'select 1'");
      await db.query("reset role");
      const acl = await db.query<{ acl: string | null }>(
        "select proacl::text as acl from pg_proc where proname = 'guard_probe_default_acl'",
      );
      return { acl: acl.rows[0]?.acl, functions: await functionsExecutableByPublic(db) };
    });
    expect(found.acl).toBeNull();
    expect(found.functions).toContain("public.guard_probe_default_acl()");
  });
});
