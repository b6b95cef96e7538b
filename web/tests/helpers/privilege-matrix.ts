// The effective privileges some roles hold on our objects, read from a migrated database's catalog as one
// sorted line per (object, role, privilege): "table public.accounts | anon | SELECT". Effective means what
// has_*_privilege answers: grants to the role itself, to PUBLIC and through role membership, table-level grants
// counted on every column. Two databases whose matrices are equal let anon and authenticated do the same things.
// In scope: every schema but the system's and the ones Supabase owns; objects of extensions are the
// extensions' business and left out.
import type { Queryable } from "./catalog-checks";

/** Schemas that exist on Supabase before our migrations and are not ours. */
export const FOREIGN_SCHEMAS = ["auth", "storage"];

const inScope = (alias: string) => `${alias}.nspname not in ('pg_catalog', 'information_schema')
  and ${alias}.nspname not like 'pg\\_%' and ${alias}.nspname <> all($2::text[])`;

const notFromExtension = (catalog: string, oid: string) => `not exists (select 1 from pg_catalog.pg_depend d
  where d.classid = '${catalog}'::regclass and d.objid = ${oid} and d.deptype = 'e')`;

const tablePrivileges = (major: number) => [
  "SELECT",
  "INSERT",
  "UPDATE",
  "DELETE",
  "TRUNCATE",
  "REFERENCES",
  "TRIGGER",
  ...(major >= 17 ? ["MAINTAIN"] : []),
];

const queries = (major: number) => [
  `select format('schema %I', n.nspname) as object, r.role, p.priv
       from pg_catalog.pg_namespace n, unnest($1::text[]) r(role), unnest(array['USAGE', 'CREATE']) p(priv)
      where ${inScope("n")} and pg_catalog.has_schema_privilege(r.role, n.oid, p.priv)`,
  `select format('%s %I.%I', case c.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                            when 'f' then 'foreign table' else 'table' end,
                   n.nspname, c.relname) as object, r.role, p.priv
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace,
            unnest($1::text[]) r(role), unnest(array[${tablePrivileges(major)
              .map((p) => `'${p}'`)
              .join(", ")}]) p(priv)
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and ${inScope("n")}
        and ${notFromExtension("pg_catalog.pg_class", "c.oid")}
        and pg_catalog.has_table_privilege(r.role, c.oid, p.priv)`,
  `select format('column %I.%I.%I', n.nspname, c.relname, a.attname) as object, r.role, p.priv
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
            join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped,
            unnest($1::text[]) r(role), unnest(array['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p(priv)
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and ${inScope("n")}
        and ${notFromExtension("pg_catalog.pg_class", "c.oid")}
        and pg_catalog.has_column_privilege(r.role, c.oid, a.attnum, p.priv)`,
  `select format('sequence %I.%I', n.nspname, c.relname) as object, r.role, p.priv
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace,
            unnest($1::text[]) r(role), unnest(array['USAGE', 'SELECT', 'UPDATE']) p(priv)
      where c.relkind = 'S' and ${inScope("n")} and ${notFromExtension("pg_catalog.pg_class", "c.oid")}
        and pg_catalog.has_sequence_privilege(r.role, c.oid, p.priv)`,
  `select format('function %I.%I(%s)', n.nspname, f.proname, pg_catalog.pg_get_function_identity_arguments(f.oid))
              as object, r.role, 'EXECUTE' as priv
       from pg_catalog.pg_proc f join pg_catalog.pg_namespace n on n.oid = f.pronamespace,
            unnest($1::text[]) r(role)
      where ${inScope("n")} and ${notFromExtension("pg_catalog.pg_proc", "f.oid")}
        and pg_catalog.has_function_privilege(r.role, f.oid, 'EXECUTE')`,
];

/** Sorted lines "kind schema.name | role | PRIVILEGE" for each role (`public` means PUBLIC). */
export async function readPrivilegeMatrix(db: Queryable, roles: string[]): Promise<string[]> {
  const { rows: version } = await db.query<{ major: number }>(
    "select current_setting('server_version_num')::int / 10000 as major",
  );
  const major = version[0]?.major ?? 0;
  const lines: string[] = [];
  for (const sql of queries(major)) {
    const { rows } = await db.query<{ object: string; role: string; priv: string }>(sql, [roles, FOREIGN_SCHEMAS]);
    for (const r of rows) lines.push(`${r.object} | ${r.role} | ${r.priv}`);
  }
  return lines.sort();
}

export interface MatrixDiff {
  onlyLeft: string[];
  onlyRight: string[];
}

export function diffMatrices(left: string[], right: string[]): MatrixDiff {
  const l = new Set(left);
  const r = new Set(right);
  return { onlyLeft: left.filter((x) => !r.has(x)), onlyRight: right.filter((x) => !l.has(x)) };
}

/** A diff a person can read in a test failure: counts per kind, then the first lines of each side. */
export function describeDiff(diff: MatrixDiff, leftName: string, rightName: string, max = 40): string {
  const byKind = (lines: string[]) => {
    const counts = new Map<string, number>();
    for (const line of lines) {
      const kind = line.slice(0, line.indexOf(" "));
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${n} ${k}`).join(", ") || "none";
  };
  const side = (lines: string[], name: string) =>
    lines.length === 0
      ? []
      : [
          `only on ${name} (${lines.length}: ${byKind(lines)}):`,
          ...lines.slice(0, max).map((l) => `  + ${l}`),
          ...(lines.length > max ? [`  ... and ${lines.length - max} more`] : []),
        ];
  return [...side(diff.onlyLeft, leftName), ...side(diff.onlyRight, rightName)].join("\n");
}
