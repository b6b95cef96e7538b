-- Why: a receptionist juggling several vets needs to see, on the calendar, who works today and when, not
-- only the appointments. Working time (weekly hours or that date's override, merged, minus time off) was
-- computed inside private.compute_slots; it moves into private.vet_free_time, which compute_slots now calls
-- (same SQL, now behind one function call: measured the same for a single-start check and the 14-day list; the
-- availability property and DST tests are unchanged), and list_vet_hours shows the same working time per
-- vet for one local day, so the calendar and the slot logic cannot disagree.

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
comment on function private.vet_free_time(uuid, uuid[], tstzrange) is 'Each vet''s working time around a window (weekly hours or the date''s override, merged, minus time off) as a multirange; vets with none are left out. Shared by compute_slots and list_vet_hours.';
revoke all on function private.vet_free_time(uuid, uuid[], tstzrange) from public;

create or replace function private.compute_slots(
  p_clinic_id uuid, p_service_id uuid, p_vet_id uuid, p_window tstzrange, p_ignore_appointment_id uuid default null
) returns table (vet_id uuid, starts_at timestamptz)
language sql stable
set search_path = ''
set plan_cache_mode = force_generic_plan
as $$
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
  busy as materialized (
    select f.vet_id, coalesce((
      select pg_catalog.range_agg(a.blocked) from public.appointments a
      where a.vet_id = f.vet_id and a.status not in ('cancelled', 'no_show')
        and a.id is distinct from p_ignore_appointment_id
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
  where (pg_catalog.date_part('epoch', t.t at time zone p.tz)::bigint / 60) % p.g = 0
    and not (b.mr && pg_catalog.tstzrange(t.t - p.bb, t.t + p.dur + p.ba))
$$;

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
comment on function private.list_vet_hours(uuid, date) is 'Security definer body of public.list_vet_hours.';
revoke all on function private.list_vet_hours(uuid, date) from public;
grant execute on function private.list_vet_hours(uuid, date) to authenticated;

create function public.list_vet_hours(p_clinic_id uuid, p_date date)
returns table (vet_id uuid, starts_at timestamptz, ends_at timestamptz)
language sql stable
set search_path = ''
as $$ select * from private.list_vet_hours(p_clinic_id, p_date) $$;
comment on function public.list_vet_hours(uuid, date) is 'Each staff member''s working time on one local date (weekly hours or that date''s override, minus time off), the same time the slot logic uses; staff of the clinic only (forbidden 403).';
revoke all on function public.list_vet_hours(uuid, date) from public;
grant execute on function public.list_vet_hours(uuid, date) to authenticated;
