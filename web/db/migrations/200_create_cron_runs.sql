-- Why: every scheduled job writes one row per run (including runs skipped because another was still
-- going), so an owner can see that jobs run, how much they did, and whether the time budget cut them
-- short. Runs are platform-level (one delivery run serves every clinic), so the table has RLS with no
-- user policy; owners read it through a function that checks their role. Delivery failures are outbox
-- rows; owners read their own clinic's through a second function (last_error is not granted to users).
-- The notice column lets a recipient dismiss the in-app "we could not deliver" notice.

create table public.cron_runs (
  id bigint generated always as identity primary key,
  job text not null check (job ~ '^[a-z][a-z0-9-]{1,62}$'),
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed', 'skipped', 'abandoned')),
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  items_done integer not null default 0 check (items_done >= 0),
  items_failed integer not null default 0 check (items_failed >= 0),
  items_skipped integer not null default 0 check (items_skipped >= 0),
  batches integer not null default 0 check (batches >= 0),
  stopped_by_budget boolean not null default false,
  details jsonb not null default '{}'::jsonb,
  error text
);
create index cron_runs_job_started_idx on public.cron_runs (job, started_at desc);
create index cron_runs_started_idx on public.cron_runs (started_at desc);
alter table public.cron_runs enable row level security;

alter table public.outbox_messages add column notice_dismissed_at timestamptz;
create index outbox_messages_failed_user_idx on public.outbox_messages (user_id, failed_at desc) where status = 'failed';
create index outbox_messages_failed_clinic_idx on public.outbox_messages (clinic_id, failed_at desc) where status = 'failed';

-- Security definer: cron_runs has no user policy. Only owners of the named clinic may read the log.
create function private.list_cron_runs(p_clinic_id uuid, p_limit integer)
returns setof public.cron_runs
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id, array['owner']::public.staff_role[]);
  return query
    select * from public.cron_runs r
    order by r.started_at desc
    limit least(greatest(coalesce(p_limit, 50), 1), 200);
end
$$;
revoke all on function private.list_cron_runs(uuid, integer) from public;
grant execute on function private.list_cron_runs(uuid, integer) to authenticated;

create function public.list_cron_runs(p_clinic_id uuid, p_limit integer default 50)
returns setof public.cron_runs
language sql stable
set search_path = ''
as $$ select * from private.list_cron_runs(p_clinic_id, p_limit) $$;
comment on function public.list_cron_runs(uuid, integer) is 'Recent scheduled-job runs (newest first, at most 200), for owners of the given clinic.';
revoke all on function public.list_cron_runs(uuid, integer) from public;
grant execute on function public.list_cron_runs(uuid, integer) to authenticated;

-- Security definer: owners need last_error and attempts, which are not granted on outbox_messages.
create function private.list_delivery_failures(p_clinic_id uuid, p_limit integer)
returns table (
  id uuid, channel text, recipient text, template text, attempts integer,
  last_error text, failed_at timestamptz, created_at timestamptz, fallback_status text
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id, array['owner']::public.staff_role[]);
  return query
    select m.id, m.channel, m.recipient, m.template, m.attempts, m.last_error, m.failed_at, m.created_at,
           (select f.status from public.outbox_messages f where f.dedupe_key = 'fallback:' || m.id::text)
      from public.outbox_messages m
     where m.clinic_id = p_clinic_id and m.status = 'failed'
     order by m.failed_at desc nulls last
     limit least(greatest(coalesce(p_limit, 50), 1), 200);
end
$$;
revoke all on function private.list_delivery_failures(uuid, integer) from public;
grant execute on function private.list_delivery_failures(uuid, integer) to authenticated;

create function public.list_delivery_failures(p_clinic_id uuid, p_limit integer default 50)
returns table (
  id uuid, channel text, recipient text, template text, attempts integer,
  last_error text, failed_at timestamptz, created_at timestamptz, fallback_status text
)
language sql stable
set search_path = ''
as $$ select * from private.list_delivery_failures(p_clinic_id, p_limit) $$;
comment on function public.list_delivery_failures(uuid, integer) is 'The clinic''s messages that could not be delivered (newest first), with the reason and any email fallback; owners only.';
revoke all on function public.list_delivery_failures(uuid, integer) from public;
grant execute on function public.list_delivery_failures(uuid, integer) to authenticated;

-- Security definer: the fallback check reads dedupe keys, which users cannot select. The user is the
-- session's, never a parameter. A message whose SMS fell back to a live email is not a failure to them.
create function private.list_my_failed_messages(p_limit integer)
returns table (id uuid, clinic_id uuid, channel text, template text, locale text, payload jsonb, failed_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
begin
  return query
    select m.id, m.clinic_id, m.channel, m.template, m.locale, m.payload, m.failed_at
      from public.outbox_messages m
     where m.user_id = v_user_id and m.status = 'failed' and m.notice_dismissed_at is null
       and m.failed_at > now() - interval '30 days'
       and not exists (
         select 1 from public.outbox_messages f
          where f.dedupe_key = 'fallback:' || m.id::text and f.status in ('pending', 'sending', 'sent')
       )
     order by m.failed_at desc
     limit least(greatest(coalesce(p_limit, 20), 1), 50);
end
$$;
revoke all on function private.list_my_failed_messages(integer) from public;
grant execute on function private.list_my_failed_messages(integer) to authenticated;

create function public.list_my_failed_messages(p_limit integer default 20)
returns table (id uuid, clinic_id uuid, channel text, template text, locale text, payload jsonb, failed_at timestamptz)
language sql stable
set search_path = ''
as $$ select * from private.list_my_failed_messages(p_limit) $$;
comment on function public.list_my_failed_messages(integer) is 'Messages to the signed-in user that could not be delivered in the last 30 days and were not dismissed.';
revoke all on function public.list_my_failed_messages(integer) from public;
grant execute on function public.list_my_failed_messages(integer) to authenticated;

create function private.dismiss_failed_message(p_message_id uuid)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
begin
  update public.outbox_messages set notice_dismissed_at = now()
   where id = p_message_id and user_id = v_user_id and status = 'failed' and notice_dismissed_at is null;
  return found;
end
$$;
revoke all on function private.dismiss_failed_message(uuid) from public;
grant execute on function private.dismiss_failed_message(uuid) to authenticated;

create function public.dismiss_failed_message(p_message_id uuid)
returns boolean
language sql
set search_path = ''
as $$ select private.dismiss_failed_message(p_message_id) $$;
comment on function public.dismiss_failed_message(uuid) is 'The signed-in user hides the notice for one of their undelivered messages.';
revoke all on function public.dismiss_failed_message(uuid) from public;
grant execute on function public.dismiss_failed_message(uuid) to authenticated;
