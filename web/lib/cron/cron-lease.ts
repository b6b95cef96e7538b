// Single-flight for scheduled jobs without session state: a lease row per job in private.cron_leases.
// Each function is one autocommit statement, so it works through a transaction pooler (any backend may
// run it). Expiry is judged on the database's clock only, so app servers' clocks never matter.
import "server-only";
import type { Db } from "@/lib/db/types";

const leaseSeconds = (ms: number) => Math.max(ms, 1) / 1000;

/**
 * Takes the job's lease for `holder` if nobody holds it or the last holder let it expire (it died).
 * One statement: two runs racing for the same job can never both get it. True when taken.
 */
export async function takeCronLease(db: Db, job: string, holder: string, leaseMs: number): Promise<boolean> {
  const { rows } = await db.query(
    `insert into private.cron_leases as l (job, holder, expires_at)
     values ($1, $2, now() + make_interval(secs => $3))
     on conflict (job) do update set holder = excluded.holder, taken_at = now(), expires_at = excluded.expires_at
       where l.expires_at < now()
     returning l.holder`,
    [job, holder, leaseSeconds(leaseMs)],
  );
  return rows.length === 1;
}

/** Extends the lease while the run continues. False when it is no longer ours (it expired and was taken over). */
export async function renewCronLease(db: Db, job: string, holder: string, leaseMs: number): Promise<boolean> {
  const { rowCount } = await db.query(
    "update private.cron_leases set expires_at = now() + make_interval(secs => $3) where job = $1 and holder = $2",
    [job, holder, leaseSeconds(leaseMs)],
  );
  return rowCount === 1;
}

/** Ends the lease; only its holder can. False when it was not ours (so nothing was released). */
export async function releaseCronLease(db: Db, job: string, holder: string): Promise<boolean> {
  const { rowCount } = await db.query("delete from private.cron_leases where job = $1 and holder = $2", [job, holder]);
  return rowCount === 1;
}
