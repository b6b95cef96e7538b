// Request context like PostgREST: a user's queries run in a transaction with request.jwt.claims set
// and the non-owner role `authenticated`, so row-level security applies. Jobs and webhooks use asSystem().
import "server-only";
import type { PoolClient } from "pg";
import { getPool } from "./pool";
import { toAppError } from "./error-map";
import type { Db, SessionUser } from "./types";

/**
 * `begin` plus the context setup go out as ONE simple-protocol query (one round trip instead of three):
 * the setup is built from escaped literals only, never from raw input. `set local` rather than
 * `select set_config(...)`: a utility statement with no plan and no result row (~40 µs less per request).
 */
async function inTransaction<T>(begin: (c: PoolClient) => string, fn: (db: Db) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  // A connection that dies while checked out emits 'error'; pg-pool only listens while the client is idle,
  // so without this listener a dropped connection (restart, failover) is an uncaught exception.
  let broken: Error | undefined;
  const onError = (e: Error) => {
    broken = e;
  };
  client.on("error", onError);
  try {
    await client.query(begin(client));
    const result = await fn(client);
    await client.query("commit");
    return result;
  } catch (err) {
    await client.query("rollback").catch((e: unknown) => {
      broken ??= e instanceof Error ? e : new Error(String(e));
    });
    throw toAppError(err);
  } finally {
    client.off("error", onError);
    // a client whose rollback failed is in an unknown state: destroy it instead of returning it to the pool
    client.release(broken);
  }
}

/** Runs fn as the signed-in user: RLS applies and functions see private.current_user_id(). */
export function withUser<T>(user: SessionUser, fn: (db: Db) => Promise<T>): Promise<T> {
  const claims = JSON.stringify({ sub: user.userId, email: user.email, role: "authenticated" });
  return inTransaction(
    (c) => `begin; set local role authenticated; set local request.jwt.claims = ${c.escapeLiteral(claims)}`,
    fn,
  );
}

/** Runs fn as an anonymous visitor (public pages): RLS applies with no user. */
export function asAnonymous<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  return inTransaction(() => `begin; set local role anon; set local request.jwt.claims = '{"role":"anon"}'`, fn);
}

/**
 * The explicit system path for jobs, webhooks and auth: runs as the connection's owner role, so RLS
 * does not filter. Callers must scope every query themselves; never use it with a user's input alone.
 */
export function asSystem<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  return inTransaction(() => "begin", fn);
}
