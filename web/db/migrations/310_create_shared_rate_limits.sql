-- Why: abuse limits (failed sign-ins per email, clinics per account, invitations and client emails per
-- clinic, bookings per client) must hold across every server instance, so their counters live in
-- Postgres, not in process memory. One fixed-window counter per key; the app reaches it only through the
-- system path, so no signed-in user can spend or reset someone else's budget.

create table private.rate_limit_counters (
  key text primary key check (length(key) between 1 and 300),
  window_started_at timestamptz not null,
  window_seconds integer not null check (window_seconds > 0),
  hits integer not null check (hits >= 0)
);
create index rate_limit_counters_window_idx on private.rate_limit_counters (window_started_at);
alter table private.rate_limit_counters enable row level security;
revoke all on private.rate_limit_counters from public;

-- Takes one unit of p_key's budget if its current window has one left. Returns 0 when the unit was taken,
-- otherwise the seconds until the window ends (for Retry-After). One statement, so concurrent callers
-- cannot both take the last unit.
create function private.consume_rate_limit(p_key text, p_max integer, p_window_seconds integer)
returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_taken boolean;
  v_ends_at timestamptz;
begin
  insert into private.rate_limit_counters as c (key, window_started_at, window_seconds, hits)
  values (p_key, now(), p_window_seconds, 1)
  on conflict (key) do update set
    window_started_at = case when c.window_started_at + make_interval(secs => c.window_seconds) <= now()
                             then now() else c.window_started_at end,
    window_seconds = excluded.window_seconds,
    hits = case when c.window_started_at + make_interval(secs => c.window_seconds) <= now() then 1 else c.hits + 1 end
  where c.window_started_at + make_interval(secs => c.window_seconds) <= now() or c.hits < p_max
  returning true into v_taken;
  if v_taken then
    return 0;
  end if;
  select window_started_at + make_interval(secs => window_seconds) into v_ends_at
  from private.rate_limit_counters where key = p_key;
  return greatest(1, ceil(extract(epoch from (v_ends_at - now())))::integer);
end
$$;
comment on function private.consume_rate_limit(text, integer, integer) is
  'Shared fixed-window limiter: takes one unit of the key''s budget (max per window) and returns 0, or returns the seconds until the window ends when the budget is spent.';
revoke all on function private.consume_rate_limit(text, integer, integer) from public;

-- Reads a budget without spending it (failed sign-ins are counted after the fact, checked before).
create function private.rate_limit_retry_after(p_key text, p_max integer)
returns integer
language sql
stable
set search_path = ''
as $$
  select coalesce((
    select greatest(1, ceil(extract(epoch from (c.window_started_at + make_interval(secs => c.window_seconds) - now())))::integer)
    from private.rate_limit_counters c
    where c.key = p_key and c.hits >= p_max and c.window_started_at + make_interval(secs => c.window_seconds) > now()
  ), 0)
$$;
comment on function private.rate_limit_retry_after(text, integer) is
  'Seconds until the key''s window ends when its budget (max) is spent, else 0. Does not spend anything.';
revoke all on function private.rate_limit_retry_after(text, integer) from public;

-- Old windows are garbage: the delivery job calls this on each run.
create function private.prune_rate_limit_counters() returns integer
language sql
set search_path = ''
as $$
  with gone as (
    delete from private.rate_limit_counters
    where window_started_at + make_interval(secs => window_seconds) < now() - interval '1 day'
    returning 1
  )
  select count(*)::integer from gone
$$;
comment on function private.prune_rate_limit_counters() is 'Deletes counters whose window ended more than a day ago; returns how many.';
revoke all on function private.prune_rate_limit_counters() from public;
