// Typed calls to SQL functions with named arguments. Each domain declares its functions by merging
// into RpcFunctions; web/tests/integration/rpc-signatures.test.ts checks every call against the catalog.
import type { Db } from "./types";

/** name -> { args: exact SQL parameter names; returns: one row of the result }. Extended per domain. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RpcFunctions {}

type Args<N extends keyof RpcFunctions> = RpcFunctions[N] extends { args: infer A } ? A : never;
type Row<N extends keyof RpcFunctions> = RpcFunctions[N] extends { returns: infer R } ? R : never;

const identifier = /^[a-z_][a-z0-9_]*$/;

/**
 * Calls public.<name>(p_a => $1, ...) and returns all rows. Arguments left undefined are omitted (the SQL
 * default applies).
 */
export async function rpc<N extends keyof RpcFunctions & string>(db: Db, name: N, args: Args<N>): Promise<Row<N>[]> {
  if (!identifier.test(name)) throw new Error(`invalid function name ${name}`);
  const entries = Object.entries(args as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const params: unknown[] = [];
  const named = entries.map(([key, value]) => {
    if (!identifier.test(key)) throw new Error(`invalid argument name ${key}`);
    params.push(value);
    return `${key} => $${params.length}`;
  });
  const result = await db.query(`select * from public.${name}(${named.join(", ")})`, params);
  return result.rows as Row<N>[];
}

/** Like rpc() but returns the single row, or undefined. */
export async function rpcOne<N extends keyof RpcFunctions & string>(
  db: Db,
  name: N,
  args: Args<N>,
): Promise<Row<N> | undefined> {
  const rows = await rpc(db, name, args);
  return rows[0];
}
