-- Why: the default booking rules (120 minutes' notice, 60 days ahead, a 15-minute grid, a 24-hour change
-- window) and reminder times (24 h and 2 h before) were written in four places: the column defaults of
-- clinic_booking_rules and clinic_reminder_settings, a fallback row in private.booking_rules,
-- coalesce(..., 15) and coalesce(..., '{1440,120}') in compute_slots and due_reminders, and constants in
-- TypeScript. Now every clinic has both rows from the moment it exists (a trigger on clinics inserts them
-- with the column defaults), so the column defaults are the one place: readers join the rows and the
-- application reads them, with no fallback of its own.

create function private.create_clinic_settings() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Only clinic_id is given: the column defaults are the one place the default rules are written.
  insert into public.clinic_booking_rules (clinic_id) values (new.id);
  insert into public.clinic_reminder_settings (clinic_id) values (new.id);
  return null;
end
$$;
comment on function private.create_clinic_settings() is 'After a clinic is inserted: its booking rules and reminder settings rows, with the column defaults.';
revoke all on function private.create_clinic_settings() from public;

create trigger clinics_create_settings after insert on public.clinics
  for each row execute function private.create_clinic_settings();

insert into public.clinic_booking_rules (clinic_id) select id from public.clinics on conflict (clinic_id) do nothing;
insert into public.clinic_reminder_settings (clinic_id) select id from public.clinics on conflict (clinic_id) do nothing;

-- plpgsql (not sql) so its plan is cached per session: it runs on every booking.
create or replace function private.booking_rules(p_clinic_id uuid) returns public.clinic_booking_rules
language plpgsql stable
set search_path = ''
as $$
declare
  v_rules public.clinic_booking_rules;
begin
  -- Every clinic has its row (inserted with the clinic), so there is no fallback here: a clinic that does
  -- not exist gets a row of nulls, and its callers have already refused it.
  select * into v_rules from public.clinic_booking_rules r where r.clinic_id = p_clinic_id;
  return v_rules;
end
$$;
comment on function private.booking_rules(uuid) is 'The clinic''s booking rules (its row in clinic_booking_rules, created with the clinic).';

create or replace function private.compute_slots(
  p_clinic_id uuid, p_service_id uuid, p_vet_id uuid, p_window tstzrange, p_ignore_appointment_id uuid default null
) returns table (vet_id uuid, starts_at timestamptz)
language sql stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
  -- Planning this query costs ~2.5 ms; with custom plans it was re-planned on every booking. The generic
  -- plan (plan_cache_mode above) is as good: it does not depend on the window's values.
  with p as (
    select c.time_zone as tz, r.slot_granularity_minutes as g,
           pg_catalog.gcd(r.slot_granularity_minutes, 15) * 60 as step_s,
           pg_catalog.make_interval(mins => s.duration_minutes) as dur,
           pg_catalog.make_interval(mins => s.buffer_before_minutes) as bb,
           pg_catalog.make_interval(mins => s.buffer_after_minutes) as ba
    from public.services s
    join public.clinics c on c.id = s.clinic_id
    join public.clinic_booking_rules r on r.clinic_id = c.id -- every clinic has its row (201)
    where s.id = p_service_id and s.clinic_id = p_clinic_id and not pg_catalog.isempty(p_window)
  ),
  free as materialized (
    select f.vet_id, f.free as mr
    from private.vet_free_time(p_clinic_id, array(
      select sv.vet_id from public.service_vets sv
      where sv.service_id = p_service_id and sv.clinic_id = p_clinic_id and (p_vet_id is null or sv.vet_id = p_vet_id)), p_window) f
  ),
  -- materialized: otherwise the planner inlines it and recomputes a vet's busy ranges for every candidate
  busy as materialized (
    select f.vet_id, coalesce((
      select pg_catalog.range_agg(a.blocked) from public.appointments a
      where a.vet_id = f.vet_id and a.status not in ('cancelled', 'no_show')
        and a.id is distinct from p_ignore_appointment_id
        -- Bounds for the btree index (vet_id, starts_at), exact because an appointment lasts at most 8 hours
        -- and buffers at most 4 hours each (constraints). The overlap test is written on the bounds rather
        -- than with && so the planner cannot pick the gist exclusion index, whose probes were ~1 ms where
        -- no appointments exist yet.
        and a.starts_at >= pg_catalog.lower(p_window) - interval '2 days' and a.starts_at < pg_catalog.upper(p_window) + interval '2 days'
        and pg_catalog.lower(a.blocked) < pg_catalog.upper(p_window) + interval '1 day'
        and pg_catalog.upper(a.blocked) > pg_catalog.lower(p_window) - interval '1 day'
    ), '{}'::tstzmultirange) as mr
    from free f
  )
  select f.vet_id, t.t
  from free f
  join busy b on b.vet_id = f.vet_id
  cross join p
  cross join lateral pg_catalog.unnest(f.mr) r
  cross join lateral pg_catalog.generate_series(
    pg_catalog.to_timestamp(pg_catalog.ceil(extract(epoch from greatest(pg_catalog.lower(r), pg_catalog.lower(p_window))) / p.step_s) * p.step_s),
    least(pg_catalog.upper(r) - p.dur, pg_catalog.upper(p_window) - interval '1 microsecond'),
    pg_catalog.make_interval(secs => p.step_s)) t(t)
  where (pg_catalog.date_part('epoch', t.t at time zone p.tz)::bigint / 60) % p.g = 0 -- local minutes since the epoch
    and not (b.mr && pg_catalog.tstzrange(t.t - p.bb, t.t + p.dur + p.ba))
$$;

create or replace function private.due_reminders(p_now timestamptz, p_limit integer)
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
    join public.clinic_reminder_settings rs on rs.clinic_id = c.id -- every clinic has its row (201)
    cross join lateral private.reminder_offsets(rs.offsets_minutes) o
    where rs.enabled
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
