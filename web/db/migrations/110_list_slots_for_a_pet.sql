-- Why: since migration 109 one pet cannot be in two appointments at once, so the slot list could offer a
-- time that is free for the vet but not for the pet, and booking it would fail with pet_busy. The list
-- takes an optional pet: its live appointments are left out of the free times, so a slot shown for a pet
-- is a slot that pet can be booked into. For moving an appointment it takes that appointment instead: its
-- own time then counts as free (for its vet and its pet), as reschedule_appointment already treats it, so
-- the picker also offers a move by 15 minutes. The pet or appointment must be the caller's (any of the
-- clinic's for staff). New parameters change the signature, so both functions are replaced (no overloads).

drop function public.list_available_slots(uuid, uuid, date, date, uuid);
drop function private.list_available_slots(uuid, uuid, date, date, uuid);

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
comment on function private.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) is 'Security definer body of public.list_available_slots.';
revoke all on function private.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) from public;
grant execute on function private.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) to anon, authenticated;

create function public.list_available_slots(
  p_clinic_id uuid, p_service_id uuid, p_from date, p_to date, p_vet_id uuid default null, p_pet_id uuid default null,
  p_moving_appointment_id uuid default null
) returns table (vet_id uuid, vet_name text, starts_at timestamptz, ends_at timestamptz)
language sql stable
set search_path = ''
as $$
  select * from private.list_available_slots(p_clinic_id, p_service_id, p_from, p_to, p_vet_id, p_pet_id, p_moving_appointment_id)
$$;
comment on function public.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) is 'Free start times for a service between two local dates (inclusive, at most 62 days apart) in the clinic''s zone, per vet (p_vet_id null = every vet who performs it). Clients and visitors get online-bookable services within the booking rules; staff get any active service from now on. With p_pet_id (the caller''s pet; any of the clinic''s for staff), times that pet is already booked are left out; with p_moving_appointment_id, the same for that appointment''s pet, and its own time counts as free.';
revoke all on function public.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) from public;
grant execute on function public.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) to anon, authenticated;
