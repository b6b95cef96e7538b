-- Why: each scheduled job must run single-flight. The runner held a session-level advisory lock on one
-- connection across many transactions; behind a transaction pooler (Supabase's Supavisor, PgBouncer in
-- transaction mode) the lock and the unlock land on different server connections, so a job either never
-- runs again (the lock stays on a backend nobody unlocks) or two runs overlap. A lease row needs no session
-- state: one atomic statement takes it (insert, or take over a lease whose holder let it expire), the
-- holder extends it while the run continues, and only the holder releases it. A run that dies simply
-- stops renewing, and the next run takes the lease over once it has expired.
-- The table lives in private (not exposed through a Supabase/PostgREST API), has RLS enabled and no user
-- grants: only the job runner, on the system path as the owner role, touches it.

create table private.cron_leases (
  job text primary key check (job ~ '^[a-z][a-z0-9-]{1,62}$'),
  holder uuid not null,
  taken_at timestamptz not null default now(),
  expires_at timestamptz not null
);

comment on table private.cron_leases is
  'One row per scheduled job while a run holds it: the holder (a random id per run) and when the lease expires. Taken, renewed and released by web/lib/cron/cron-lease.ts.';

alter table private.cron_leases enable row level security;

revoke all on table private.cron_leases from public, anon, authenticated;
