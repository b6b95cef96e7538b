-- Why: one piece of SQL decides which start times are free, and both the slot list and the booking
-- functions use it, so a slot shown is a slot that can be booked. Wall-clock hours are turned into
-- instants per local date in the clinic's IANA zone ((date + time) at time zone tz), which keeps
-- 09:00 at 09:00 across daylight-saving changes. The exclusion constraint remains the final guard.

-- The clinic's rules, or the column defaults of clinic_booking_rules when the clinic has not set any.
create function private.booking_rules(p_clinic_id uuid) returns public.clinic_booking_rules
language sql stable
set search_path = ''
as $$
  select coalesce(
    (select r from public.clinic_booking_rules r where r.clinic_id = p_clinic_id),
    row(p_clinic_id, 120, 60, 15, 24, false, now())::public.clinic_booking_rules
  )
$$;
comment on function private.booking_rules(uuid) is 'The clinic''s booking rules, falling back to the defaults of clinic_booking_rules (120 min notice, 60 days ahead, 15 min grid, 24 h change window).';
revoke all on function private.booking_rules(uuid) from public;

-- Clients book from now + min notice until the end of the local day max_days_ahead days from today.
-- Staff are not bound by those rules, only by "not in the past".
create function private.booking_window(p_clinic_id uuid, p_is_staff boolean) returns tstzrange
language sql stable
set search_path = ''
as $$
  select case when p_is_staff then pg_catalog.tstzrange(pg_catalog.now(), null)
    else pg_catalog.tstzrange(
      pg_catalog.now() + pg_catalog.make_interval(mins => r.min_notice_minutes),
      (((pg_catalog.now() at time zone c.time_zone)::date + r.max_days_ahead + 1) + time '00:00') at time zone c.time_zone)
    end
  from public.clinics c cross join lateral private.booking_rules(c.id) r
  where c.id = p_clinic_id
$$;
comment on function private.booking_window(uuid, boolean) is 'Instants in which a start may fall: [now + min notice, end of local day today + max_days_ahead) for clients, [now, ) for staff.';
revoke all on function private.booking_window(uuid, boolean) from public;

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
as $$
  with p as (
    select c.time_zone as tz, r.slot_granularity_minutes as g,
           pg_catalog.gcd(r.slot_granularity_minutes, 15) * 60 as step_s,
           pg_catalog.make_interval(mins => s.duration_minutes) as dur,
           pg_catalog.make_interval(mins => s.buffer_before_minutes) as bb,
           pg_catalog.make_interval(mins => s.buffer_after_minutes) as ba,
           (pg_catalog.lower(p_window) at time zone c.time_zone)::date as first_day,
           (pg_catalog.upper(p_window) at time zone c.time_zone)::date as last_day
    from public.services s
    join public.clinics c on c.id = s.clinic_id
    cross join lateral private.booking_rules(c.id) r
    where s.id = p_service_id and s.clinic_id = p_clinic_id and not pg_catalog.isempty(p_window)
  ),
  days as (
    select p.first_day + i as day from p, pg_catalog.generate_series(-1, p.last_day - p.first_day + 1) i
  ),
  vets as (
    select sv.vet_id from public.service_vets sv
    where sv.service_id = p_service_id and sv.clinic_id = p_clinic_id and (p_vet_id is null or sv.vet_id = p_vet_id)
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
  ),
  free as (
    select w.vet_id,
           pg_catalog.range_agg(pg_catalog.tstzrange(w.lo, w.hi)) filter (where w.lo < w.hi)
           - coalesce((select pg_catalog.range_agg(t.period) from public.vet_time_off t
                       where t.vet_id = w.vet_id and t.clinic_id = p_clinic_id
                         and t.period && pg_catalog.tstzrange(pg_catalog.lower(p_window) - interval '1 day', pg_catalog.upper(p_window) + interval '1 day')),
                      '{}'::tstzmultirange) as mr
    from work w group by w.vet_id
  ),
  busy as (
    select f.vet_id, coalesce((
      select pg_catalog.range_agg(a.blocked) from public.appointments a
      where a.vet_id = f.vet_id and a.status not in ('cancelled', 'no_show')
        and a.id is distinct from p_ignore_appointment_id
        and a.blocked && pg_catalog.tstzrange(pg_catalog.lower(p_window) - interval '1 day', pg_catalog.upper(p_window) + interval '1 day')
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
  where (extract(hour from t.t at time zone p.tz) * 60 + extract(minute from t.t at time zone p.tz))::integer % p.g = 0
    and not (b.mr && pg_catalog.tstzrange(t.t - p.bb, t.t + p.dur + p.ba))
$$;
comment on function private.compute_slots(uuid, uuid, uuid, tstzrange, uuid) is 'Free (vet, start) pairs for a service within a window of instants; shared by list_available_slots, book_appointment and reschedule_appointment. Ignores the booking rules: callers pass the window.';
revoke all on function private.compute_slots(uuid, uuid, uuid, tstzrange, uuid) from public;

-- Security definer: clients and visitors must see free times, which depend on schedules and other
-- people's appointments they cannot read. Only (vet, start, end) leaves this function.
create function private.list_available_slots(p_clinic_id uuid, p_service_id uuid, p_from date, p_to date, p_vet_id uuid)
returns table (vet_id uuid, vet_name text, starts_at timestamptz, ends_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_is_staff boolean := private.has_clinic_role(p_clinic_id);
  v_service public.services;
  v_tz text;
  v_window tstzrange;
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
  select c.time_zone into v_tz from public.clinics c where c.id = p_clinic_id;
  v_window := private.booking_window(p_clinic_id, v_is_staff)
    * pg_catalog.tstzrange((p_from + time '00:00') at time zone v_tz, ((p_to + 1) + time '00:00') at time zone v_tz);
  return query
    select s.vet_id, u.name, s.starts_at, s.starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes)
    from private.compute_slots(p_clinic_id, p_service_id, p_vet_id, v_window) s
    join public.users u on u.id = s.vet_id
    order by s.starts_at, u.name, s.vet_id;
end
$$;
comment on function private.list_available_slots(uuid, uuid, date, date, uuid) is 'Security definer body of public.list_available_slots.';
revoke all on function private.list_available_slots(uuid, uuid, date, date, uuid) from public;
grant execute on function private.list_available_slots(uuid, uuid, date, date, uuid) to anon, authenticated;

create function public.list_available_slots(p_clinic_id uuid, p_service_id uuid, p_from date, p_to date, p_vet_id uuid default null)
returns table (vet_id uuid, vet_name text, starts_at timestamptz, ends_at timestamptz)
language sql stable
set search_path = ''
as $$
  select * from private.list_available_slots(p_clinic_id, p_service_id, p_from, p_to, p_vet_id)
$$;
comment on function public.list_available_slots(uuid, uuid, date, date, uuid) is 'Free start times for a service between two local dates (inclusive, at most 62 days apart) in the clinic''s zone, per vet (p_vet_id null = every vet who performs it). Clients and visitors get online-bookable services within the booking rules; staff get any active service from now on.';
revoke all on function public.list_available_slots(uuid, uuid, date, date, uuid) from public;
grant execute on function public.list_available_slots(uuid, uuid, date, date, uuid) to anon, authenticated;

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
