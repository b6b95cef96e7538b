// Catalog guards shared by the security tests: each returns the offenders (empty = fine), so a test can
// run the same check on the real schema and on a deliberately broken one inside a rolled-back transaction.

export interface Queryable {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: R[] }>;
}

const SCHEMAS = ["public", "private"];

/** Functions created by an extension are the extension's business, not ours. */
const notFromExtension = `not exists (select 1 from pg_catalog.pg_depend d
  where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')`;

/** Tables (plain and partitioned) in public/private without row level security enabled. */
export async function tablesWithoutRls(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p') and not c.relrowsecurity
        and not exists (select 1 from pg_catalog.pg_depend d
                         where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
      order by 1`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name);
}

/**
 * Functions in public/private that PUBLIC may execute. A null proacl means the default privileges,
 * which for functions include EXECUTE for PUBLIC, so it counts as an offender.
 */
export async function functionsExecutableByPublic(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as name
       from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any($1) and ${notFromExtension}
        and (p.proacl is null
             or exists (select 1 from pg_catalog.aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'))
      order by 1`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name);
}

/** security definer functions outside schema private, or without `set search_path = ''`. */
export async function unsafeSecurityDefiners(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string; schema: string; config: string[] | null }>(
    `select format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as name, n.nspname as schema, p.proconfig as config
       from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where p.prosecdef and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
        and ${notFromExtension}
      order by 1`,
  );
  const offenders: string[] = [];
  for (const r of rows) {
    const searchPath = (r.config ?? []).find((c) => c.startsWith("search_path="));
    if (r.schema !== "private") offenders.push(`${r.name}: security definer outside schema private`);
    if (searchPath === undefined) offenders.push(`${r.name}: security definer without set search_path`);
    else if (searchPath !== 'search_path=""')
      offenders.push(`${r.name}: security definer with ${searchPath} (use set search_path = '')`);
  }
  return offenders;
}

/** Policies must be named as sentences ("staff can read their clinic's pets"). */
export async function policiesWithoutSentenceNames(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I: %s', schemaname, tablename, policyname) as name
       from pg_catalog.pg_policies where schemaname = any($1) and policyname not like '% %' order by 1`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name);
}

/**
 * Views run with their owner's rights unless created `with (security_invoker = true)`, so an ordinary view
 * that anon or authenticated can read bypasses RLS; a materialized view never applies RLS at all.
 */
export async function viewsBypassingRls(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) || case c.relkind when 'm' then ' (materialized view)' else ' (view without security_invoker)' end as name
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1)
        and (c.relkind = 'm' or (c.relkind = 'v' and not coalesce(c.reloptions @> array['security_invoker=true'], false)
                                                  and not coalesce(c.reloptions @> array['security_invoker=on'], false)))
        and (pg_catalog.has_table_privilege('authenticated', c.oid, 'select') or pg_catalog.has_table_privilege('anon', c.oid, 'select'))
      order by 1`,
    [SCHEMAS],
  );
  return rows.map((r) => r.name);
}
