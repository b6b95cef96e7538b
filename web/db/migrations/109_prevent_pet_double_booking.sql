-- Why: the vet exclusion constraint stops a vet from being double booked, but one pet could still be
-- booked with two vets at the same time (or a client could book the same visit twice with "any vet"), and
-- staff would find the clash only when the owner turns up once. A second exclusion constraint makes the
-- pet's live appointments ([starts_at, ends_at), without the vet's buffers) disjoint, for every write path.
-- Racing bookings of one pet with different vets would otherwise be able to deadlock inside the two
-- exclusion indexes, so book and reschedule take a per-pet advisory lock first, then the per-vet ones
-- (always in that order, so lock waits cannot cycle). A clash answers 409 pet_busy, not slot_taken: another
-- time or vet would not help. book_appointment now also decides the status (requested or confirmed) once,
-- before trying vets, instead of reading the rules in every INSERT attempt (see 108).

do $$
begin
  if exists (
    select 1 from public.appointments a join public.appointments b
      on b.pet_id = a.pet_id and b.id > a.id
     and pg_catalog.tstzrange(b.starts_at, b.ends_at) && pg_catalog.tstzrange(a.starts_at, a.ends_at)
    where a.status not in ('cancelled', 'no_show') and b.status not in ('cancelled', 'no_show')
  ) then
    raise exception 'pets with overlapping live appointments exist'
      using hint = 'Cancel or move one of each pair (see DEPLOY_MIGRATIONS_NOW.md), then run the migrations again.';
  end if;
end
$$;

alter table public.appointments add constraint appointments_pet_no_overlap exclude using gist (
  pet_id extensions.gist_uuid_ops with operator(pg_catalog.=),
  pg_catalog.tstzrange(starts_at, ends_at) with operator(pg_catalog.&&)
) where (status not in ('cancelled', 'no_show'));

create function private.lock_pet_schedule(p_pet_id uuid) returns void
language plpgsql
set search_path = ''
as $$
begin
  -- key space 1346720852 ('PETS' as int4), apart from lock_vet_schedule's
  perform pg_catalog.pg_advisory_xact_lock(1346720852, pg_catalog.hashtext(p_pet_id::text));
end
$$;
comment on function private.lock_pet_schedule(uuid) is 'Queues writers of one pet''s appointments until the end of the transaction (advisory lock); taken before lock_vet_schedule.';
revoke all on function private.lock_pet_schedule(uuid) from public;

-- Called from an exclusion_violation handler with the violated constraint's name.
create function private.raise_if_pet_busy(p_constraint text, p_pet_id uuid) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_constraint = 'appointments_pet_no_overlap' then
    raise exception 'pet_busy' using errcode = 'VT409', column = 'starts_at',
      detail = pg_catalog.format('%s already has an appointment at that time.',
        coalesce((select p.name from public.pets p where p.id = p_pet_id), 'This pet'));
  end if;
end
$$;
comment on function private.raise_if_pet_busy(text, uuid) is 'Raises pet_busy (409) when p_constraint is the pet overlap constraint.';
revoke all on function private.raise_if_pet_busy(text, uuid) from public;

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
  v_status public.appointment_status;
  v_constraint text;
  v_appointment public.appointments;
begin
  select * into v_service from public.services s
  where s.id = p_service_id and s.clinic_id = p_clinic_id and s.active and (s.bookable_online or v_is_staff);
  if not found then
    raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'That service is not available for booking.';
  end if;
  v_client_id := private.resolve_booking_client(p_clinic_id, p_pet_id, p_client_id, v_is_staff);
  perform private.check_booking_target(p_clinic_id, p_service_id, p_vet_id, p_starts_at, v_is_staff);
  v_status := case when not v_is_staff and (private.booking_rules(p_clinic_id)).require_confirmation then 'requested' else 'confirmed' end;
  perform private.lock_pet_schedule(p_pet_id);
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
  end if;
  perform private.check_booking_target(v_old.clinic_id, v_old.service_id, v_vet_id, p_starts_at, v_is_staff);
  if not exists (
    select 1 from private.compute_slots(v_old.clinic_id, v_old.service_id, v_vet_id,
      pg_catalog.tstzrange(p_starts_at, p_starts_at + interval '1 minute'), v_old.id) s
    where s.starts_at = p_starts_at
  ) then
    raise exception 'slot_taken' using errcode = 'VT409', column = 'starts_at', detail = 'That time is not free. Please pick another slot.';
  end if;
  perform private.lock_pet_schedule(v_old.pet_id);
  perform private.lock_vet_schedule(v_vet_id, p_starts_at - pg_catalog.make_interval(mins => v_old.buffer_before_minutes),
    p_starts_at + (v_old.ends_at - v_old.starts_at) + pg_catalog.make_interval(mins => v_old.buffer_after_minutes));
  begin
    -- One statement: the exclusion constraint sees the old range released and the new one taken.
    update public.appointments a
    set starts_at = p_starts_at, ends_at = p_starts_at + (v_old.ends_at - v_old.starts_at), vet_id = v_vet_id, sequence = a.sequence + 1
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
