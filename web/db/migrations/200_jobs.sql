-- Why: scheduled jobs. Every job writes one row per run in cron_runs (including runs skipped because
-- another was still going), so an owner can see that jobs run, how much they did, and whether the time
-- budget cut them short. Runs are platform-level (one delivery run serves every clinic), so the table has
-- RLS with no user policy; owners read it through a function that checks their role.
-- Appointment reminders go out at clinic-configurable offsets (default 24 h and 2 h before), one per
-- appointment per offset however often the job runs or overlaps, one message per client per clinic-day
-- covering several pets, respecting channel preferences and consent. private.appointment_reminders records
-- every (appointment, offset, starts_at) handled: its primary key is the once-only guard, and starts_at in
-- the key means a rescheduled appointment is reminded again for its new time, never for the old one.

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
revoke all on function private.list_cron_runs(uuid,integer) from public;
grant execute on function private.list_cron_runs(uuid,integer) to authenticated;

create function public.list_cron_runs(p_clinic_id uuid, p_limit integer default 50)
returns setof public.cron_runs
language sql stable
set search_path = ''
as $$ select * from private.list_cron_runs(p_clinic_id, p_limit) $$;
comment on function public.list_cron_runs(uuid,integer) is 'Recent scheduled-job runs (newest first, at most 200), for owners of the given clinic.';
revoke all on function public.list_cron_runs(uuid,integer) from public;
grant execute on function public.list_cron_runs(uuid,integer) to authenticated;

create table public.clinic_reminder_settings (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  enabled boolean not null default true,
  -- Minutes before the start; each between 15 minutes and 7 days, at most 4 offsets.
  offsets_minutes integer[] not null default '{1440,120}'
    check (cardinality(offsets_minutes) between 0 and 4 and 15 <= all (offsets_minutes) and 10080 >= all (offsets_minutes)),
  updated_at timestamptz not null default now()
);

alter table public.clinic_reminder_settings enable row level security;

create trigger clinic_reminder_settings_touch before update on public.clinic_reminder_settings
  for each row execute function private.touch_updated_at();

grant select on public.clinic_reminder_settings to authenticated;

grant insert (clinic_id, enabled, offsets_minutes) on public.clinic_reminder_settings to authenticated;

grant update (enabled, offsets_minutes) on public.clinic_reminder_settings to authenticated;

create policy "staff can read their clinic's reminder settings" on public.clinic_reminder_settings
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "owners and admins can set reminder settings" on public.clinic_reminder_settings
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can edit reminder settings" on public.clinic_reminder_settings
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

-- Written only by the reminder job (owner role); no user grants.
create table private.appointment_reminders (
  appointment_id uuid not null references public.appointments (id) on delete cascade,
  offset_minutes integer not null,
  starts_at timestamptz not null,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  channel text check (channel in ('email', 'sms')),
  -- The outbox row's dedupe key; null when nothing was sent (no consent or no contact), with the reason.
  dedupe_key text,
  skipped_reason text,
  created_at timestamptz not null default now(),
  primary key (appointment_id, offset_minutes, starts_at)
);

create index appointment_reminders_dedupe_idx on private.appointment_reminders (dedupe_key) where dedupe_key is not null;

create index appointment_reminders_created_idx on private.appointment_reminders (created_at);

alter table private.appointment_reminders enable row level security;

-- The reminder scan walks confirmed appointments by start time across all clinics.
create index appointments_confirmed_starts_idx on public.appointments (starts_at) where status = 'confirmed';

create function private.reminder_offsets(p_offsets integer[]) returns table (offset_minutes integer, window_start_minutes integer)
language sql immutable
set search_path = ''
as $$
  -- Each offset's window starts where the next smaller offset's ends, so an appointment booked 1 hour
  -- ahead gets only the 2 h reminder, not the 24 h one as well.
  select o, coalesce((select max(s) from unnest(p_offsets) s where s < o), 0)
  from (select distinct unnest(p_offsets) as o) x
$$;
comment on function private.reminder_offsets(integer[]) is 'Offsets (minutes before start) with the lower edge of each one''s window.';
revoke all on function private.reminder_offsets(integer[]) from public;

-- Due (appointment, offset) pairs with everything the message needs, for at most p_limit client-days:
-- the first p_limit due pairs by start time pick the client-days, then every due appointment of those
-- client-days is included, so pets booked the same day are never split across batches.
create function private.due_reminders(p_now timestamptz, p_limit integer)
returns table (
  appointment_id uuid, offset_minutes integer, starts_at timestamptz, clinic_id uuid, client_id uuid, local_day date,
  time_zone text, starts_at_local text, pet_name text, service_name text, vet_name text
)
language sql stable
set search_path = ''
as $$
  with offsets as (
    select c.id as clinic_id, c.time_zone, o.offset_minutes, o.window_start_minutes
    from public.clinics c
    left join public.clinic_reminder_settings rs on rs.clinic_id = c.id
    cross join lateral private.reminder_offsets(coalesce(rs.offsets_minutes, '{1440,120}')) o
    where coalesce(rs.enabled, true)
  ), horizon as (
    select coalesce(max(offset_minutes), 0) as minutes from offsets
  ), due as (
    select a.id, o.offset_minutes, a.starts_at, a.clinic_id, a.client_id, o.time_zone,
           (a.starts_at at time zone o.time_zone)::date as local_day
    from public.appointments a
    join offsets o on o.clinic_id = a.clinic_id
    where a.status = 'confirmed'
      and a.starts_at > p_now and a.starts_at <= p_now + make_interval(mins => (select minutes from horizon))
      and a.starts_at > p_now + make_interval(mins => o.window_start_minutes)
      and a.starts_at <= p_now + make_interval(mins => o.offset_minutes)
      and not exists (select 1 from private.appointment_reminders r
                      where r.appointment_id = a.id and r.offset_minutes = o.offset_minutes and r.starts_at = a.starts_at)
  ), picked as (
    select distinct d.client_id, d.local_day, d.offset_minutes
    from (select * from due order by starts_at, id limit p_limit) d
  )
  select d.id, d.offset_minutes, d.starts_at, d.clinic_id, d.client_id, d.local_day, d.time_zone,
         to_char(d.starts_at at time zone d.time_zone, 'HH24:MI'), p.name, s.name, v.name
  from due d
  join picked k on k.client_id = d.client_id and k.local_day = d.local_day and k.offset_minutes = d.offset_minutes
  join public.appointments a on a.id = d.id
  join public.pets p on p.id = a.pet_id
  join public.services s on s.id = a.service_id
  join public.users v on v.id = a.vet_id
$$;
comment on function private.due_reminders(timestamp with time zone,integer) is 'Confirmed appointments whose reminder at some offset is due and not yet handled, grouped by whole client-days.';
revoke all on function private.due_reminders(timestamp with time zone,integer) from public;

-- Chooses each client's channel: preferred SMS (with consent and a phone), else email (with consent and
-- an address), else SMS (with consent and a phone), else nothing, with the reason.
create function private.reminder_channel(p_client public.clients, p_user_email text)
returns table (channel text, recipient text, skipped_reason text)
language sql stable
set search_path = ''
as $$
  select case
      when p_client.preferred_channel = 'sms' and p_client.sms_reminders and p_client.phone is not null then 'sms'
      when p_client.email_reminders and coalesce(p_client.email::text, p_user_email) is not null then 'email'
      when p_client.sms_reminders and p_client.phone is not null then 'sms'
    end,
    case
      when p_client.preferred_channel = 'sms' and p_client.sms_reminders and p_client.phone is not null then p_client.phone
      when p_client.email_reminders and coalesce(p_client.email::text, p_user_email) is not null then coalesce(p_client.email::text, p_user_email)
      when p_client.sms_reminders and p_client.phone is not null then p_client.phone
    end,
    case
      when not p_client.email_reminders and not p_client.sms_reminders then 'client opted out of reminders'
      else 'no contact for the channels the client accepts'
    end
$$;
comment on function private.reminder_channel(public.clients,text) is 'The channel and address for a client''s reminders from their preferences and consent, or why none.';
revoke all on function private.reminder_channel(public.clients,text) from public;

-- One bounded batch of reminders: records every due (appointment, offset, starts_at) once (the primary key
-- makes a second or concurrent run a no-op for it) and writes one outbox row per client-day-offset. The
-- dedupe key holds the client, local day, offset and a hash of the appointments with their start times.
create function public.enqueue_due_reminders(p_limit integer default 200)
returns table (messages integer, appointments integer, skipped integer, more boolean)
language sql volatile
set search_path = ''
as $$
  with due as (
    select * from private.due_reminders(now(), least(greatest(coalesce(p_limit, 200), 1), 1000))
  ), groups as (
    select d.client_id, d.local_day, d.offset_minutes, min(d.time_zone) as time_zone,
           'reminder:' || d.client_id || ':' || d.local_day || ':' || d.offset_minutes || ':'
             || md5(string_agg(d.appointment_id::text || '@' || extract(epoch from d.starts_at)::text, ',' order by d.starts_at, d.appointment_id)) as dedupe_key,
           jsonb_agg(jsonb_build_object('appointment_id', d.appointment_id, 'starts_at', d.starts_at, 'starts_at_local', d.starts_at_local,
             'pet_name', d.pet_name, 'service_name', d.service_name, 'vet_name', d.vet_name) order by d.starts_at, d.pet_name) as items
    from due d
    group by d.client_id, d.local_day, d.offset_minutes
  ), targets as (
    select g.*, cl.clinic_id, cl.user_id, cl.full_name, cl.email_reminders, ch.channel, ch.recipient, ch.skipped_reason,
           coalesce(cl.locale, u.locale, c.default_locale) as locale, coalesce(cl.email::text, u.email::text) as email,
           c.name as clinic_name, c.slug as clinic_slug, c.address as clinic_address, c.phone as clinic_phone
    from groups g
    join public.clients cl on cl.id = g.client_id
    join public.clinics c on c.id = cl.clinic_id
    left join public.users u on u.id = cl.user_id
    cross join lateral private.reminder_channel(cl, u.email::text) ch
  ), recorded as (
    insert into private.appointment_reminders (appointment_id, offset_minutes, starts_at, clinic_id, client_id, channel, dedupe_key, skipped_reason)
    select d.appointment_id, d.offset_minutes, d.starts_at, d.clinic_id, d.client_id, t.channel,
           case when t.channel is not null then t.dedupe_key end, case when t.channel is null then t.skipped_reason end
    from due d join targets t on t.client_id = d.client_id and t.local_day = d.local_day and t.offset_minutes = d.offset_minutes
    on conflict do nothing
    returning appointment_id, dedupe_key
  ), sent as (
    insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key)
    select t.clinic_id, t.user_id, t.channel, t.recipient, 'appointment.reminder', t.locale,
           jsonb_build_object(
             'clinic_name', t.clinic_name, 'clinic_slug', t.clinic_slug, 'clinic_address', t.clinic_address, 'clinic_phone', t.clinic_phone,
             'client_name', t.full_name, 'local_day', t.local_day, 'time_zone', t.time_zone, 'offset_minutes', t.offset_minutes,
             'path', '/' || t.clinic_slug || '/portal/appointments',
             'fallback_email', case when t.email_reminders then t.email end, 'email_fallback', t.email_reminders and t.email is not null,
             -- Only the appointments this run recorded (a concurrent run may have taken others of the day).
             'items', (select jsonb_agg(i order by i ->> 'starts_at') from jsonb_array_elements(t.items) i
                       where exists (select 1 from recorded r where r.dedupe_key = t.dedupe_key and r.appointment_id = (i ->> 'appointment_id')::uuid))),
           t.dedupe_key
    from targets t
    where t.channel is not null and exists (select 1 from recorded r where r.dedupe_key = t.dedupe_key)
    on conflict (dedupe_key) do nothing
    returning id
  )
  select (select count(*) from sent)::integer,
         (select count(*) from recorded where dedupe_key is not null)::integer,
         (select count(*) from recorded where dedupe_key is null)::integer,
         (select count(*) from due) >= least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;
comment on function public.enqueue_due_reminders(integer) is 'Reminder job step (system path only): queues due appointment reminders for at most p_limit client-days; safe to run concurrently and repeatedly.';
revoke all on function public.enqueue_due_reminders(integer) from public;

-- Right before a reminder is sent: are its appointments still confirmed, at the same time, in the future?
-- If some changed, the message is cancelled and the unchanged ones are released so the next run reminds
-- them in a fresh message (the changed ones are reminded for their new time, if any).
create function public.check_reminder_still_due(p_message_id uuid)
returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  v_message public.outbox_messages;
  v_total integer;
  v_stale integer;
begin
  select * into v_message from public.outbox_messages where id = p_message_id;
  if not found then return 'message not found'; end if;
  select count(*), count(*) filter (where a.id is null or a.status <> 'confirmed'
           or a.starts_at <> (i ->> 'starts_at')::timestamptz or a.starts_at <= now())
    into v_total, v_stale
  from jsonb_array_elements(coalesce(v_message.payload -> 'items', '[]'::jsonb)) i
  left join public.appointments a on a.id = (i ->> 'appointment_id')::uuid;
  if v_total > 0 and v_stale = 0 then return null; end if;
  delete from private.appointment_reminders r
  using public.appointments a
  where r.dedupe_key = v_message.dedupe_key and a.id = r.appointment_id
    and a.status = 'confirmed' and a.starts_at = r.starts_at and a.starts_at > now();
  return case when v_total = 0 then 'reminder has no appointments'
              else format('%s of %s appointments were cancelled, moved or already started', v_stale, v_total) end;
end
$$;
comment on function public.check_reminder_still_due(uuid) is 'Delivery step (system path only): null when a queued reminder is still accurate, else why it must be cancelled.';
revoke all on function public.check_reminder_still_due(uuid) from public;
