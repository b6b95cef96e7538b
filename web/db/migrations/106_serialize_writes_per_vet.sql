-- Why: under load the race tests showed deadlock_detected (40P01) instead of slot_taken: two transactions
-- inserting conflicting rows each find the other's uncommitted row in the exclusion index and wait for
-- each other until the deadlock detector (after deadlock_timeout, 1 s) kills one, which then fails with a
-- confusing error (and, for "any vet", never tries the other vets). Booking and rescheduling now take
-- transaction-level advisory locks on (vet, UTC day) for every day the new blocked range touches, right
-- before writing: writers whose ranges could overlap queue up briefly and the loser sees the winner's
-- committed row, getting exclusion_violation at once; bookings of other vets or days do not wait. The
-- availability check still runs before the lock on a snapshot that may be stale, so the exclusion
-- constraint stays the guard (tests/load/booking-concurrency.test.ts shows double bookings without it).
-- Locks are taken in (vet_id, day) order (any-vet tries vets in vet_id order), so lock waits cannot cycle.

create function private.lock_vet_schedule(p_vet_id uuid, p_from timestamptz, p_to timestamptz) returns void
language plpgsql
set search_path = ''
as $$
begin
  -- key space 1447384147 ('VETS' as int4) keeps these locks apart from other advisory locks
  perform pg_catalog.pg_advisory_xact_lock(1447384147, pg_catalog.hashtext(p_vet_id::text || ':' || d::date::text))
  from pg_catalog.generate_series((p_from at time zone 'UTC')::date, (p_to at time zone 'UTC')::date, interval '1 day') d;
end
$$;
comment on function private.lock_vet_schedule(uuid, timestamptz, timestamptz) is 'Queues writers of one vet''s appointments on the UTC days [p_from, p_to] touches until the end of the transaction (advisory locks); avoids exclusion-constraint deadlocks between racing bookings.';
revoke all on function private.lock_vet_schedule(uuid, timestamptz, timestamptz) from public;

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
  v_service public.services;
  v_client_id uuid;
  v_vet_id uuid;
  v_appointment public.appointments;
begin
  select * into v_service from public.services s
  where s.id = p_service_id and s.clinic_id = p_clinic_id and s.active and (s.bookable_online or v_is_staff);
  if not found then
    raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'That service is not available for booking.';
  end if;
  v_client_id := private.resolve_booking_client(p_clinic_id, p_pet_id, p_client_id, v_is_staff);
  perform private.check_booking_target(p_clinic_id, p_service_id, p_vet_id, p_starts_at, v_is_staff);
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
        case when not v_is_staff and (private.booking_rules(p_clinic_id)).require_confirmation then 'requested' else 'confirmed' end::public.appointment_status,
        nullif(btrim(p_notes), ''), v_user_id)
      returning * into v_appointment;
      exit;
    exception when exclusion_violation then
      null; -- someone booked this vet since compute_slots looked; the next candidate may still be free
    end;
  end loop;
  if v_appointment.id is null then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time was just taken. Please pick another slot.';
  end if;
  perform private.enqueue_appointment_message(v_appointment.id, 'appointment.booked', 'appointment.booked:' || v_appointment.id, 'REQUEST');
  return v_appointment;
end
$$;

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
begin
  if v_is_staff and v_old.status not in ('requested', 'confirmed') then
    raise exception 'appointment_not_changeable' using errcode = 'VT409', column = 'status', detail = 'Only upcoming appointments can be moved.';
  elsif not v_is_staff then
    perform private.check_client_change_window(v_old);
  end if;
  perform private.check_booking_target(v_old.clinic_id, v_old.service_id, v_vet_id, p_starts_at, v_is_staff);
  if not exists (
    select 1 from private.compute_slots(v_old.clinic_id, v_old.service_id, v_vet_id,
      pg_catalog.tstzrange(p_starts_at, p_starts_at + interval '1 minute'), v_old.id) s
    where s.starts_at = p_starts_at
  ) then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time is not free. Please pick another slot.';
  end if;
  perform private.lock_vet_schedule(v_vet_id, p_starts_at - pg_catalog.make_interval(mins => v_old.buffer_before_minutes),
    p_starts_at + (v_old.ends_at - v_old.starts_at) + pg_catalog.make_interval(mins => v_old.buffer_after_minutes));
  begin
    -- One statement: the exclusion constraint sees the old range released and the new one taken.
    update public.appointments a
    set starts_at = p_starts_at, ends_at = p_starts_at + (v_old.ends_at - v_old.starts_at), vet_id = v_vet_id, sequence = a.sequence + 1
    where a.id = v_old.id
    returning * into v_new;
  exception when exclusion_violation then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time was just taken. Please pick another slot.';
  end;
  perform private.enqueue_appointment_message(v_new.id, 'appointment.rescheduled',
    'appointment.rescheduled:' || v_new.id || ':' || v_new.sequence, 'REQUEST',
    jsonb_build_object('previous_starts_at', v_old.starts_at,
      'previous_starts_at_local', to_char(v_old.starts_at at time zone (select c.time_zone from public.clinics c where c.id = v_old.clinic_id), 'YYYY-MM-DD HH24:MI')));
  return v_new;
end
$$;
