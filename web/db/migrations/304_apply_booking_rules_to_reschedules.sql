-- Why: a client's reschedule skipped rules a booking applies: a confirmed visit stayed confirmed in a
-- clinic that requires confirmation of client bookings, and a client could move a visit of a staff-only
-- (or retired) service, which they could never have booked. And one client account could book every free
-- slot for one pet. Booking and rescheduling now share their rules through three helpers:
--   private.bookable_service  the service a caller may book (active; online-bookable unless staff),
--   private.booked_status     requested for clients where the clinic requires confirmation, else as given,
--   private.check_pet_booking_limit  at most max_open_appointments_per_pet upcoming visits per pet booked
--                             by clients (clinic-configurable, default 3; staff are not limited), counted
--                             under the per-pet lock so racing bookings cannot overshoot.
-- A client's move of a confirmed visit sends it back to requested, so the status machine now allows
-- confirmed -> requested; staff cannot set requested through set_appointment_status (422).
-- book_appointment, reschedule_appointment and set_appointment_status are otherwise as in 120_booking. The
-- new column's default is the one place the default limit is written (every clinic's row gets it, see 201).

alter table public.clinic_booking_rules
  add column max_open_appointments_per_pet integer not null default 3 check (max_open_appointments_per_pet between 1 and 50);
grant insert (max_open_appointments_per_pet), update (max_open_appointments_per_pet) on public.clinic_booking_rules to authenticated;

create or replace function private.is_allowed_appointment_transition(p_from public.appointment_status, p_to public.appointment_status)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case p_from
    when 'requested' then p_to in ('confirmed', 'cancelled')
    when 'confirmed' then p_to in ('checked_in', 'cancelled', 'no_show', 'requested') -- requested: a client moved it
    when 'checked_in' then p_to in ('in_progress', 'cancelled')
    when 'in_progress' then p_to = 'completed'
    else false -- completed, no_show and cancelled are final
  end
$$;
comment on function private.is_allowed_appointment_transition(public.appointment_status, public.appointment_status) is 'The appointment status machine: which status may follow which (confirmed -> requested only when a client reschedules where confirmation is required).';

create function private.bookable_service(p_clinic_id uuid, p_service_id uuid, p_is_staff boolean) returns public.services
language sql stable
set search_path = ''
as $$
  select s.* from public.services s
  where s.id = p_service_id and s.clinic_id = p_clinic_id and s.active and (s.bookable_online or p_is_staff)
$$;
comment on function private.bookable_service(uuid, uuid, boolean) is 'The service if the caller may book it (active; online-bookable unless staff), else a row of nulls.';
revoke all on function private.bookable_service(uuid, uuid, boolean) from public;

create function private.booked_status(p_clinic_id uuid, p_is_staff boolean, p_status public.appointment_status)
returns public.appointment_status
language sql stable
set search_path = ''
as $$
  select case when not p_is_staff and (private.booking_rules(p_clinic_id)).require_confirmation then 'requested'::public.appointment_status
              else p_status end
$$;
comment on function private.booked_status(uuid, boolean, public.appointment_status) is 'Status after a booking or move: requested when a client books or moves where the clinic requires confirmation, else p_status.';
revoke all on function private.booked_status(uuid, boolean, public.appointment_status) from public;

create function private.check_pet_booking_limit(p_clinic_id uuid, p_pet_id uuid, p_is_staff boolean) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_limit integer := (private.booking_rules(p_clinic_id)).max_open_appointments_per_pet;
begin
  if p_is_staff then
    return;
  end if;
  if (select count(*) from public.appointments a
      where a.pet_id = p_pet_id and a.status in ('requested', 'confirmed') and a.starts_at > now()) >= v_limit then
    raise exception 'too_many_open_appointments' using errcode = 'VT409', column = 'pet_id',
      detail = pg_catalog.format('%s already has %s upcoming appointments, the most this clinic takes online. Cancel one or call the clinic.',
        coalesce((select p.name from public.pets p where p.id = p_pet_id), 'This pet'), v_limit);
  end if;
end
$$;
comment on function private.check_pet_booking_limit(uuid, uuid, boolean) is 'Raises too_many_open_appointments (409) when a client books a pet that already has the clinic''s maximum of upcoming visits; call it under lock_pet_schedule.';
revoke all on function private.check_pet_booking_limit(uuid, uuid, boolean) from public;

create or replace function private.book_appointment(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_starts_at timestamptz,
  p_vet_id uuid, p_client_id uuid, p_notes text
) returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_is_staff boolean := private.has_clinic_role(p_clinic_id);
  v_service public.services := private.bookable_service(p_clinic_id, p_service_id, v_is_staff);
  v_client_id uuid;
  v_vet_id uuid;
  v_status public.appointment_status;
  v_constraint text;
  v_appointment public.appointments;
begin
  if v_service.id is null then
    raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'That service is not available for booking.';
  end if;
  v_client_id := private.resolve_booking_client(p_clinic_id, p_pet_id, p_client_id, v_is_staff);
  perform private.check_booking_target(p_clinic_id, p_service_id, p_vet_id, p_starts_at, v_is_staff);
  -- The status is decided once, before trying vets, not in every INSERT attempt.
  v_status := private.booked_status(p_clinic_id, v_is_staff, 'confirmed');
  -- The pet's lock first, then the vet's (see lock_vet_schedule), so lock waits cannot cycle. The limit is
  -- counted under the pet's lock: a racing booking of the same pet waits here and then sees this one.
  perform private.lock_pet_schedule(p_pet_id);
  perform private.check_pet_booking_limit(p_clinic_id, p_pet_id, v_is_staff);
  -- Every vet free at that start (one when p_vet_id is given); on a lost race for one, try the next.
  for v_vet_id in
    select s.vet_id from private.compute_slots(p_clinic_id, p_service_id, p_vet_id, pg_catalog.tstzrange(p_starts_at, p_starts_at + interval '1 minute')) s
    where s.starts_at = p_starts_at order by s.vet_id
  loop
    perform private.lock_vet_schedule(v_vet_id, p_starts_at - pg_catalog.make_interval(mins => v_service.buffer_before_minutes),
      p_starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes + v_service.buffer_after_minutes));
    begin
      insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at,
        buffer_before_minutes, buffer_after_minutes, status, notes, created_by)
      values (p_clinic_id, v_client_id, p_pet_id, p_service_id, v_vet_id, p_starts_at,
        p_starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes),
        v_service.buffer_before_minutes, v_service.buffer_after_minutes,
        v_status,
        nullif(btrim(p_notes), ''), v_user_id)
      returning * into v_appointment;
      exit;
    exception when exclusion_violation then
      get stacked diagnostics v_constraint = constraint_name;
      perform private.raise_if_pet_busy(v_constraint, p_pet_id);
      -- someone booked this vet since compute_slots looked; the next candidate may still be free
    end;
  end loop;
  if v_appointment.id is null then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time was just taken. Please pick another slot.';
  end if;
  perform private.enqueue_appointment_message(v_appointment.id, 'appointment.booked', 'appointment.booked:' || v_appointment.id, 'REQUEST');
  return v_appointment;
end
$$;
comment on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) is 'Security definer body of public.book_appointment (service, status and per-pet limit from the shared booking helpers).';
revoke all on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) from public;
grant execute on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) to authenticated;

create or replace function private.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz, p_vet_id uuid)
returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_old public.appointments := private.lock_appointment_for_change(p_appointment_id);
  v_is_staff boolean := private.has_clinic_role(v_old.clinic_id);
  v_vet_id uuid := coalesce(p_vet_id, v_old.vet_id);
  v_new public.appointments;
  v_constraint text;
begin
  if v_is_staff and v_old.status not in ('requested', 'confirmed') then
    raise exception 'appointment_not_changeable' using errcode = 'VT409', column = 'status', detail = 'Only upcoming appointments can be moved.';
  elsif not v_is_staff then
    perform private.check_client_change_window(v_old);
    if (private.bookable_service(v_old.clinic_id, v_old.service_id, false)).id is null then
      raise exception 'appointment_not_changeable' using errcode = 'VT409', column = 'status',
        detail = 'Only the clinic can move this visit. Please call them.';
    end if;
  end if;
  perform private.check_booking_target(v_old.clinic_id, v_old.service_id, v_vet_id, p_starts_at, v_is_staff);
  if not exists (
    select 1 from private.compute_slots(v_old.clinic_id, v_old.service_id, v_vet_id,
      pg_catalog.tstzrange(p_starts_at, p_starts_at + interval '1 minute'), v_old.id) s
    where s.starts_at = p_starts_at
  ) then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time is not free. Please pick another slot.';
  end if;
  -- The pet's lock first, then the vet's (see lock_vet_schedule), so lock waits cannot cycle.
  perform private.lock_pet_schedule(v_old.pet_id);
  perform private.lock_vet_schedule(v_vet_id, p_starts_at - pg_catalog.make_interval(mins => v_old.buffer_before_minutes),
    p_starts_at + (v_old.ends_at - v_old.starts_at) + pg_catalog.make_interval(mins => v_old.buffer_after_minutes));
  begin
    -- One statement: the exclusion constraint sees the old range released and the new one taken.
    update public.appointments a
    set starts_at = p_starts_at, ends_at = p_starts_at + (v_old.ends_at - v_old.starts_at), vet_id = v_vet_id,
      status = private.booked_status(v_old.clinic_id, v_is_staff, v_old.status), sequence = a.sequence + 1
    where a.id = v_old.id
    returning * into v_new;
  exception when exclusion_violation then
    get stacked diagnostics v_constraint = constraint_name;
    perform private.raise_if_pet_busy(v_constraint, v_old.pet_id);
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time was just taken. Please pick another slot.';
  end;
  perform private.enqueue_appointment_message(v_new.id, 'appointment.rescheduled',
    'appointment.rescheduled:' || v_new.id || ':' || v_new.sequence, 'REQUEST',
    jsonb_build_object('previous_starts_at', v_old.starts_at,
      'previous_starts_at_local', to_char(v_old.starts_at at time zone (select c.time_zone from public.clinics c where c.id = v_old.clinic_id), 'YYYY-MM-DD HH24:MI')));
  return v_new;
end
$$;
comment on function private.reschedule_appointment(uuid, timestamptz, uuid) is 'Security definer body of public.reschedule_appointment: clients move only online-bookable services, and their move needs confirmation again where the clinic requires it.';
revoke all on function private.reschedule_appointment(uuid, timestamptz, uuid) from public;
grant execute on function private.reschedule_appointment(uuid, timestamptz, uuid) to authenticated;

create or replace function private.set_appointment_status(p_appointment_id uuid, p_status public.appointment_status)
returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_appointment public.appointments := private.lock_appointment_for_change(p_appointment_id);
begin
  perform private.require_clinic_role(v_appointment.clinic_id);
  if p_status = 'cancelled' then
    raise exception 'use_cancel_appointment' using errcode = 'VT422', column = 'status', detail = 'Cancel with a reason instead.';
  end if;
  if p_status = 'requested' then
    raise exception 'invalid_status_transition' using errcode = 'VT422', column = 'status', detail = 'Staff cannot send an appointment back to requested.';
  end if;
  -- The trigger appointments_check_update enforces which transitions are allowed.
  update public.appointments a set status = p_status where a.id = v_appointment.id returning * into v_appointment;
  return v_appointment;
end
$$;
comment on function private.set_appointment_status(uuid, public.appointment_status) is 'Security definer body of public.set_appointment_status (staff never set requested).';
revoke all on function private.set_appointment_status(uuid, public.appointment_status) from public;
grant execute on function private.set_appointment_status(uuid, public.appointment_status) to authenticated;
