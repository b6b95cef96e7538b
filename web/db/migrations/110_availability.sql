-- Why: one piece of SQL decides which start times are free, and both the slot list and the booking
-- functions use it, so a slot shown is a slot that can be booked. Wall-clock hours are turned into
-- instants per local date in the clinic's IANA zone ((date + time) at time zone tz), which keeps
-- 09:00 at 09:00 across daylight-saving changes. The exclusion constraints remain the final guard.
-- Working time (vet_free_time) is shared with the calendar's vet hours, so the two cannot disagree.
-- The slot list takes an optional pet (its live appointments are left out of the free times, since a pet
-- cannot be in two appointments) or an appointment being moved (its own time then counts as free).
-- Performance notes (npm run bench appointments; documentation/benchmarks.md) are kept in the bodies.

-- The clinic's rules, or the column defaults of clinic_booking_rules when the clinic has not set any.
create function private.booking_rules(p_clinic_id uuid) returns public.clinic_booking_rules
language plpgsql stable
set search_path = ''
as $$
declare
  v_rules public.clinic_booking_rules;
begin
  select * into v_rules from public.clinic_booking_rules r where r.clinic_id = p_clinic_id;
  if not found then
    v_rules := row(p_clinic_id, 120, 60, 15, 24, false, now())::public.clinic_booking_rules;
  end if;
  return v_rules;
end
$$;
comment on function private.booking_rules(uuid) is 'The clinic''s booking rules, falling back to the defaults of clinic_booking_rules (120 min notice, 60 days ahead, 15 min grid, 24 h change window).';
revoke all on function private.booking_rules(uuid) from public;

-- Clients book from now + min notice until the end of the local day max_days_ahead days from today.
-- Staff are not bound by those rules, only by "not in the past". Null when the clinic does not exist.
create function private.booking_window(p_clinic_id uuid, p_is_staff boolean) returns tstzrange
language plpgsql stable
set search_path = ''
as $$
declare
  v_time_zone text;
  v_rules public.clinic_booking_rules;
begin
  select c.time_zone into v_time_zone from public.clinics c where c.id = p_clinic_id;
  if v_time_zone is null then
    return null;
  elsif p_is_staff then
    return pg_catalog.tstzrange(pg_catalog.now(), null);
  end if;
  v_rules := private.booking_rules(p_clinic_id);
  return pg_catalog.tstzrange(
    pg_catalog.now() + pg_catalog.make_interval(mins => v_rules.min_notice_minutes),
    (((pg_catalog.now() at time zone v_time_zone)::date + v_rules.max_days_ahead + 1) + time '00:00') at time zone v_time_zone);
end
$$;
comment on function private.booking_window(uuid,boolean) is 'Instants in which a start may fall: [now + min notice, end of local day today + max_days_ahead) for clients, [now, ) for staff.';
revoke all on function private.booking_window(uuid,boolean) from public;

-- Working time (weekly hours or that date's override, merged, minus time off) is computed once, here, so the
-- slot list and the calendar's vet hours (list_vet_hours) cannot disagree.
create function private.vet_free_time(p_clinic_id uuid, p_vet_ids uuid[], p_window tstzrange)
returns table (vet_id uuid, free tstzmultirange)
language sql stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
  with p as (
    select c.time_zone as tz,
           (pg_catalog.lower(p_window) at time zone c.time_zone)::date as first_day,
           (pg_catalog.upper(p_window) at time zone c.time_zone)::date as last_day
    from public.clinics c
    where c.id = p_clinic_id and not pg_catalog.isempty(p_window)
  ),
  days as (
    select p.first_day + i as day from p, pg_catalog.generate_series(-1, p.last_day - p.first_day + 1) i
  ),
  vets as (
    select pg_catalog.unnest(p_vet_ids) as vet_id
  ),
  local_hours as (
    select v.vet_id, d.day, h.start_time, h.end_time
    from vets v cross join days d
    join public.vet_weekly_hours h
      on h.vet_id = v.vet_id and h.clinic_id = p_clinic_id and h.weekday = extract(isodow from d.day)
    where not exists (select 1 from public.vet_date_overrides o
                      where o.vet_id = v.vet_id and o.clinic_id = p_clinic_id and o.on_date = d.day)
    union all
    select o.vet_id, o.on_date, o.start_time, o.end_time
    from public.vet_date_overrides o join vets v on v.vet_id = o.vet_id join days d on d.day = o.on_date
    where o.clinic_id = p_clinic_id and o.kind = 'hours'
      and not exists (select 1 from public.vet_date_overrides x
                      where x.vet_id = o.vet_id and x.clinic_id = p_clinic_id and x.on_date = o.on_date and x.kind = 'closed')
  ),
  work as (
    select lh.vet_id, (lh.day + lh.start_time) at time zone p.tz as lo, (lh.day + lh.end_time) at time zone p.tz as hi
    from local_hours lh cross join p
  )
  select w.vet_id,
         pg_catalog.range_agg(pg_catalog.tstzrange(w.lo, w.hi)) filter (where w.lo < w.hi)
         - coalesce((select pg_catalog.range_agg(t.period) from public.vet_time_off t
                     where t.vet_id = w.vet_id and t.clinic_id = p_clinic_id
                       and t.period && pg_catalog.tstzrange(pg_catalog.lower(p_window) - interval '1 day', pg_catalog.upper(p_window) + interval '1 day')),
                    '{}'::tstzmultirange)
  from work w group by w.vet_id
$$;
comment on function private.vet_free_time(uuid,uuid[],tstzrange) is 'Each vet''s working time around a window (weekly hours or the date''s override, merged, minus time off) as a multirange; vets with none are left out. Shared by compute_slots and list_vet_hours.';
revoke all on function private.vet_free_time(uuid,uuid[],tstzrange) from public;

-- The core. Candidates are instants t in p_window whose local wall-clock minute of day is a multiple of
-- the slot granularity, such that [t, t + duration) lies inside the vet's working time (weekly hours or
-- that date's override, merged, minus time off) and [t - buffer_before, t + duration + buffer_after)
-- overlaps no live appointment of the vet. Every such instant is a multiple of gcd(granularity, 15)
-- minutes from the epoch (zone offsets are multiples of 15 minutes), so stepping by that is exhaustive.
-- Runs as its caller: only security definer functions in this schema call it.
create function private.compute_slots(
  p_clinic_id uuid, p_service_id uuid, p_vet_id uuid, p_window tstzrange, p_ignore_appointment_id uuid default null
) returns table (vet_id uuid, starts_at timestamptz)
language sql stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
  -- Planning this query costs ~2.5 ms; with custom plans it was re-planned on every booking. The generic
  -- plan (plan_cache_mode above) is as good: it does not depend on the window's values.
  with p as (
    select c.time_zone as tz, coalesce(r.slot_granularity_minutes, 15) as g,
           pg_catalog.gcd(coalesce(r.slot_granularity_minutes, 15), 15) * 60 as step_s,
           pg_catalog.make_interval(mins => s.duration_minutes) as dur,
           pg_catalog.make_interval(mins => s.buffer_before_minutes) as bb,
           pg_catalog.make_interval(mins => s.buffer_after_minutes) as ba
    from public.services s
    join public.clinics c on c.id = s.clinic_id
    left join public.clinic_booking_rules r on r.clinic_id = c.id
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
comment on function private.compute_slots(uuid,uuid,uuid,tstzrange,uuid) is 'Free (vet, start) pairs for a service within a window of instants; shared by list_available_slots, book_appointment and reschedule_appointment. Ignores the booking rules: callers pass the window.';
revoke all on function private.compute_slots(uuid,uuid,uuid,tstzrange,uuid) from public;

-- Vet names for the booking flow ("which vet?"); users' rows are otherwise private.
create function private.list_service_vets(p_clinic_id uuid)
returns table (service_id uuid, vet_id uuid, vet_name text)
language sql stable security definer
set search_path = ''
as $$
  select sv.service_id, sv.vet_id, u.name
  from public.service_vets sv
  join public.services s on s.id = sv.service_id
  join public.users u on u.id = sv.vet_id
  where sv.clinic_id = p_clinic_id and s.active and (s.bookable_online or private.has_clinic_role(p_clinic_id))
  order by s.name, u.name
$$;
comment on function private.list_service_vets(uuid) is 'Security definer body of public.list_service_vets.';
revoke all on function private.list_service_vets(uuid) from public;
grant execute on function private.list_service_vets(uuid) to anon, authenticated;

create function public.list_service_vets(p_clinic_id uuid)
returns table (service_id uuid, vet_id uuid, vet_name text)
language sql stable
set search_path = ''
as $$ select * from private.list_service_vets(p_clinic_id) $$;
comment on function public.list_service_vets(uuid) is 'Who performs which service, with vet names: online-bookable services for everyone, all active services for the clinic''s staff.';
revoke all on function public.list_service_vets(uuid) from public;
grant execute on function public.list_service_vets(uuid) to anon, authenticated;

-- Security definer: clients and visitors must see free times, which depend on schedules and other
-- people's appointments they cannot read. Only (vet, start, end) leaves this function.
create function private.list_available_slots(
  p_clinic_id uuid, p_service_id uuid, p_from date, p_to date, p_vet_id uuid, p_pet_id uuid, p_moving_appointment_id uuid
) returns table (vet_id uuid, vet_name text, starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_is_staff boolean := private.has_clinic_role(p_clinic_id);
  v_service public.services;
  v_tz text;
  v_window tstzrange;
  v_pet_id uuid := p_pet_id;
  v_pet_busy tstzmultirange := '{}';
begin
  select * into v_service from public.services s
  where s.id = p_service_id and s.clinic_id = p_clinic_id and s.active and (s.bookable_online or v_is_staff);
  if not found then
    raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'That service is not available for booking.';
  end if;
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 62 then
    raise exception 'invalid_date_range' using errcode = 'VT422', column = 'to', detail = 'Pick an end date on or after the start date, at most 62 days later.';
  end if;
  if p_vet_id is not null and not exists (select 1 from public.service_vets sv where sv.service_id = p_service_id and sv.vet_id = p_vet_id) then
    raise exception 'vet_does_not_perform_service' using errcode = 'VT422', column = 'vet_id', detail = 'This vet does not perform that service.';
  end if;
  if p_moving_appointment_id is not null then
    select a.pet_id into v_pet_id from public.appointments a
    where a.id = p_moving_appointment_id and a.clinic_id = p_clinic_id and (v_is_staff or private.is_own_client(a.client_id));
    if not found then
      raise exception 'appointment_not_found' using errcode = 'VT404', column = 'moving_appointment_id', detail = 'That appointment was not found.';
    end if;
  elsif v_pet_id is not null and not exists (
    select 1 from public.pets p
    where p.id = v_pet_id and p.clinic_id = p_clinic_id and p.archived_at is null and (v_is_staff or private.is_own_client(p.client_id))
  ) then
    raise exception 'pet_not_found' using errcode = 'VT404', column = 'pet_id', detail = 'That pet was not found for this client.';
  end if;
  select c.time_zone into v_tz from public.clinics c where c.id = p_clinic_id;
  v_window := private.booking_window(p_clinic_id, v_is_staff)
    * pg_catalog.tstzrange((p_from + time '00:00') at time zone v_tz, ((p_to + 1) + time '00:00') at time zone v_tz);
  if v_pet_id is not null then
    -- the pet's other live appointments near the window (one lasts at most 8 hours), through the pet exclusion index
    select coalesce(pg_catalog.range_agg(pg_catalog.tstzrange(a.starts_at, a.ends_at)), '{}') into v_pet_busy
    from public.appointments a
    where a.pet_id = v_pet_id and a.status not in ('cancelled', 'no_show') and a.id is distinct from p_moving_appointment_id
      and pg_catalog.tstzrange(a.starts_at, a.ends_at) && pg_catalog.tstzrange(pg_catalog.lower(v_window) - interval '1 day', pg_catalog.upper(v_window) + interval '1 day');
  end if;
  return query
    select s.vet_id, u.name, s.starts_at, s.starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes)
    from private.compute_slots(p_clinic_id, p_service_id, p_vet_id, v_window, p_moving_appointment_id) s
    join public.users u on u.id = s.vet_id
    where not (v_pet_busy && pg_catalog.tstzrange(s.starts_at, s.starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes)))
    order by s.starts_at, u.name, s.vet_id;
end
$$;
comment on function private.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) is 'Security definer body of public.list_available_slots.';
revoke all on function private.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) from public;
grant execute on function private.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) to anon, authenticated;

create function public.list_available_slots(
  p_clinic_id uuid, p_service_id uuid, p_from date, p_to date, p_vet_id uuid default null, p_pet_id uuid default null,
  p_moving_appointment_id uuid default null
) returns table (vet_id uuid, vet_name text, starts_at timestamptz, ends_at timestamptz)
language sql stable
set search_path = ''
as $$
  select * from private.list_available_slots(p_clinic_id, p_service_id, p_from, p_to, p_vet_id, p_pet_id, p_moving_appointment_id)
$$;
comment on function public.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) is 'Free start times for a service between two local dates (inclusive, at most 62 days apart) in the clinic''s zone, per vet (p_vet_id null = every vet who performs it). Clients and visitors get online-bookable services within the booking rules; staff get any active service from now on. With p_pet_id (the caller''s pet; any of the clinic''s for staff), times that pet is already booked are left out; with p_moving_appointment_id, the same for that appointment''s pet, and its own time counts as free.';
revoke all on function public.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) from public;
grant execute on function public.list_available_slots(uuid,uuid,date,date,uuid,uuid,uuid) to anon, authenticated;

-- Staff only: working hours are not public. Vets are the clinic's members with any hours that day.
create function private.list_vet_hours(p_clinic_id uuid, p_date date)
returns table (vet_id uuid, starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_tz text;
  v_day tstzrange;
begin
  if not private.has_clinic_role(p_clinic_id) then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only the clinic''s staff can see working hours.';
  end if;
  select c.time_zone into v_tz from public.clinics c where c.id = p_clinic_id;
  v_day := pg_catalog.tstzrange((p_date + time '00:00') at time zone v_tz, ((p_date + 1) + time '00:00') at time zone v_tz);
  return query
    select f.vet_id, pg_catalog.lower(r), pg_catalog.upper(r)
    from private.vet_free_time(p_clinic_id, array(select m.user_id from public.clinic_memberships m where m.clinic_id = p_clinic_id), v_day) f
    cross join lateral pg_catalog.unnest(f.free * pg_catalog.tstzmultirange(v_day)) r
    order by f.vet_id, pg_catalog.lower(r);
end
$$;
comment on function private.list_vet_hours(uuid,date) is 'Security definer body of public.list_vet_hours.';
revoke all on function private.list_vet_hours(uuid,date) from public;
grant execute on function private.list_vet_hours(uuid,date) to authenticated;

create function public.list_vet_hours(p_clinic_id uuid, p_date date)
returns table (vet_id uuid, starts_at timestamptz, ends_at timestamptz)
language sql stable
set search_path = ''
as $$ select * from private.list_vet_hours(p_clinic_id, p_date) $$;
comment on function public.list_vet_hours(uuid,date) is 'Each staff member''s working time on one local date (weekly hours or that date''s override, minus time off), the same time the slot logic uses; staff of the clinic only (forbidden 403).';
revoke all on function public.list_vet_hours(uuid,date) from public;
grant execute on function public.list_vet_hours(uuid,date) to authenticated;
