-- Why: booking, rescheduling, cancelling and status changes each run as one plpgsql function in one
-- transaction, with the actor taken from the session. They check the requested start against the same
-- private.compute_slots the slot list uses, then write; the exclusion constraint appointments_vet_no_overlap
-- settles races (a loser gets slot_taken, 409). Each change writes its notification to the outbox in the
-- same transaction, with an iCalendar (.ics) attachment whose UID is the appointment id.

-- RFC 5545 text escaping and line folding (lines of at most 75 octets, continued with CRLF + space).
create function private.ics_line(p_name text, p_value text) returns text
language plpgsql immutable
set search_path = ''
as $$
declare
  v_text text := p_name || ':' || replace(replace(replace(replace(replace(coalesce(p_value, ''),
    '\', '\\'), ';', '\;'), ',', '\,'), E'\r', ''), E'\n', '\n');
  v_out text := '';
  v_line text := '';
  v_char text;
begin
  foreach v_char in array regexp_split_to_array(v_text, '') loop
    if octet_length(v_line) + octet_length(v_char) > 74 then
      v_out := v_out || v_line || E'\r\n';
      v_line := ' ';
    end if;
    v_line := v_line || v_char;
  end loop;
  return v_out || v_line;
end
$$;
comment on function private.ics_line(text, text) is 'One iCalendar content line NAME:value with the value escaped and folded at 75 octets.';
revoke all on function private.ics_line(text, text) from public;

create function private.ics_time(p_at timestamptz) returns text
language sql immutable
set search_path = ''
as $$ select to_char(p_at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"') $$;
comment on function private.ics_time(timestamptz) is 'An instant in iCalendar UTC form, e.g. 20261201T140000Z.';
revoke all on function private.ics_time(timestamptz) from public;

-- p_method: REQUEST (booked, rescheduled) or CANCEL. SEQUENCE is the appointment's sequence, which
-- reschedule and cancel increment, so calendar apps replace the earlier version.
create function private.appointment_ics(p_appointment_id uuid, p_method text) returns text
language sql stable
set search_path = ''
as $$
  select concat_ws(E'\r\n',
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Vete//Appointments//EN', 'CALSCALE:GREGORIAN', 'METHOD:' || p_method,
    'BEGIN:VEVENT',
    'UID:' || a.id,
    'SEQUENCE:' || a.sequence,
    'DTSTAMP:' || private.ics_time(now()),
    'DTSTART:' || private.ics_time(a.starts_at),
    'DTEND:' || private.ics_time(a.ends_at),
    private.ics_line('SUMMARY', s.name || ' - ' || p.name || ' (' || c.name || ')'),
    private.ics_line('LOCATION', concat_ws(', ', c.name, c.address)),
    private.ics_line('DESCRIPTION', concat_ws(E'\n', s.name || ' - ' || p.name, u.name, s.instructions)),
    'STATUS:' || case when p_method = 'CANCEL' then 'CANCELLED' else 'CONFIRMED' end,
    'END:VEVENT', 'END:VCALENDAR') || E'\r\n'
  from public.appointments a
  join public.clinics c on c.id = a.clinic_id
  join public.services s on s.id = a.service_id
  join public.pets p on p.id = a.pet_id
  join public.users u on u.id = a.vet_id
  where a.id = p_appointment_id
$$;
comment on function private.appointment_ics(uuid, text) is 'The appointment as an iCalendar VEVENT (UTC times, UID = appointment id) for mail attachments.';
revoke all on function private.appointment_ics(uuid, text) from public;

-- Writes the appointment's notification to the client (skipped when the client has no email).
create function private.enqueue_appointment_message(
  p_appointment_id uuid, p_template text, p_dedupe_key text, p_ics_method text, p_extra jsonb default '{}'::jsonb
) returns uuid
language sql
set search_path = ''
as $$
  select private.enqueue_message(
    a.clinic_id, cl.user_id, 'email', coalesce(cl.email::text, u.email::text), p_template,
    coalesce(cl.locale, u.locale, c.default_locale),
    jsonb_build_object(
      'appointment_id', a.id, 'clinic_name', c.name, 'clinic_slug', c.slug, 'clinic_address', c.address,
      'time_zone', c.time_zone, 'pet_name', p.name, 'service_name', s.name, 'vet_name', v.name,
      'starts_at', a.starts_at, 'ends_at', a.ends_at,
      'starts_at_local', to_char(a.starts_at at time zone c.time_zone, 'YYYY-MM-DD HH24:MI'),
      'ends_at_local', to_char(a.ends_at at time zone c.time_zone, 'YYYY-MM-DD HH24:MI'),
      'instructions', s.instructions, 'status', a.status, 'path', '/' || c.slug || '/portal/appointments'
    ) || coalesce(p_extra, '{}'::jsonb),
    p_dedupe_key,
    case when p_ics_method is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
      'filename', 'appointment.ics',
      'content_type', 'text/calendar; charset=utf-8; method=' || p_ics_method,
      'content', private.appointment_ics(a.id, p_ics_method))) end)
  from public.appointments a
  join public.clinics c on c.id = a.clinic_id
  join public.clients cl on cl.id = a.client_id
  left join public.users u on u.id = cl.user_id
  join public.pets p on p.id = a.pet_id
  join public.services s on s.id = a.service_id
  join public.users v on v.id = a.vet_id
  where a.id = p_appointment_id and coalesce(cl.email::text, u.email::text) is not null
$$;
comment on function private.enqueue_appointment_message(uuid, text, text, text, jsonb) is 'Outbox row for an appointment change (payload: clinic, pet, service, vet, local start) with an optional .ics attachment.';
revoke all on function private.enqueue_appointment_message(uuid, text, text, text, jsonb) from public;

-- Who the booking is for. Staff may book for any client of the clinic (the pet's owner when p_client_id
-- is null); anyone else only for their own client record and their own pets.
create function private.resolve_booking_client(p_clinic_id uuid, p_pet_id uuid, p_client_id uuid, p_is_staff boolean)
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_client_id uuid;
begin
  if p_is_staff then
    v_client_id := coalesce(p_client_id, (select p.client_id from public.pets p where p.id = p_pet_id and p.clinic_id = p_clinic_id));
  else
    select c.id into v_client_id from public.clients c where c.clinic_id = p_clinic_id and c.user_id = private.current_user_id();
    if v_client_id is null then
      raise exception 'not_a_client' using errcode = 'VT403', detail = 'Register as a client of this clinic first.';
    end if;
    if p_client_id is not null and p_client_id <> v_client_id then
      raise exception 'forbidden' using errcode = 'VT403', column = 'client_id', detail = 'You can only book for yourself.';
    end if;
  end if;
  if not exists (select 1 from public.pets p
                 where p.id = p_pet_id and p.clinic_id = p_clinic_id and p.client_id = v_client_id and p.archived_at is null) then
    raise exception 'pet_not_found' using errcode = 'VT404', column = 'pet_id', detail = 'That pet was not found for this client.';
  end if;
  return v_client_id;
end
$$;
comment on function private.resolve_booking_client(uuid, uuid, uuid, boolean) is 'The client a booking is for; raises not_a_client, forbidden or pet_not_found.';
revoke all on function private.resolve_booking_client(uuid, uuid, uuid, boolean) from public;

-- Checks shared by book and reschedule: the vet performs the service and the start is inside the
-- caller's booking window.
create function private.check_booking_target(
  p_clinic_id uuid, p_service_id uuid, p_vet_id uuid, p_starts_at timestamptz, p_is_staff boolean
) returns void
language plpgsql stable
set search_path = ''
as $$
begin
  if p_vet_id is not null and not exists (
    select 1 from public.service_vets sv where sv.service_id = p_service_id and sv.clinic_id = p_clinic_id and sv.vet_id = p_vet_id
  ) then
    raise exception 'vet_does_not_perform_service' using errcode = 'VT422', column = 'vet_id', detail = 'This vet does not perform that service.';
  end if;
  if p_starts_at is null or not (p_starts_at <@ private.booking_window(p_clinic_id, p_is_staff)) then
    raise exception 'outside_booking_window' using errcode = 'VT422', column = 'starts_at',
      detail = case when p_is_staff then 'That time is in the past.' else 'That time is outside the clinic''s booking window.' end;
  end if;
end
$$;
comment on function private.check_booking_target(uuid, uuid, uuid, timestamptz, boolean) is 'Raises vet_does_not_perform_service or outside_booking_window.';
revoke all on function private.check_booking_target(uuid, uuid, uuid, timestamptz, boolean) from public;

-- Security definer: clients cannot insert appointments, and availability depends on rows they cannot read.
create function private.book_appointment(
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
comment on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) is 'Security definer body of public.book_appointment.';
revoke all on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) from public;
grant execute on function private.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) to authenticated;

create function public.book_appointment(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_starts_at timestamptz,
  p_vet_id uuid default null, p_client_id uuid default null, p_notes text default null
) returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.book_appointment(p_clinic_id, p_pet_id, p_service_id, p_starts_at, p_vet_id, p_client_id, p_notes) $$;
comment on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) is 'Books a free slot (p_vet_id null = any vet who performs the service). Clients: own pets, online-bookable services, within the booking rules. Staff: any client of the clinic, from now on. Raises slot_taken (409) when the time is not free.';
revoke all on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) from public;
grant execute on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) to authenticated;

-- The appointment locked for a change by the signed-in user: staff of its clinic, or its own client.
create function private.lock_appointment_for_change(p_appointment_id uuid) returns public.appointments
language plpgsql
set search_path = ''
as $$
declare
  v_appointment public.appointments;
begin
  perform private.require_user();
  select * into v_appointment from public.appointments a where a.id = p_appointment_id for update;
  if not found or not (private.has_clinic_role(v_appointment.clinic_id) or private.is_own_client(v_appointment.client_id)) then
    raise exception 'appointment_not_found' using errcode = 'VT404', column = 'appointment_id', detail = 'That appointment was not found.';
  end if;
  return v_appointment;
end
$$;
comment on function private.lock_appointment_for_change(uuid) is 'Locks and returns an appointment the caller may change, else raises appointment_not_found.';
revoke all on function private.lock_appointment_for_change(uuid) from public;

-- Clients may change or cancel only up to client_change_window_hours before the start.
create function private.check_client_change_window(p_appointment public.appointments) returns void
language plpgsql stable
set search_path = ''
as $$
declare
  v_hours integer := (private.booking_rules(p_appointment.clinic_id)).client_change_window_hours;
begin
  if p_appointment.status not in ('requested', 'confirmed') then
    raise exception 'appointment_not_changeable' using errcode = 'VT409', column = 'status', detail = 'This appointment can no longer be changed online.';
  end if;
  if now() > p_appointment.starts_at - pg_catalog.make_interval(hours => v_hours) then
    raise exception 'change_window_closed' using errcode = 'VT403',
      detail = format('Changes are possible up to %s hours before the appointment. Please call the clinic.', v_hours);
  end if;
end
$$;
comment on function private.check_client_change_window(public.appointments) is 'Raises appointment_not_changeable or change_window_closed for clients.';
revoke all on function private.check_client_change_window(public.appointments) from public;

create function private.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz, p_vet_id uuid)
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
comment on function private.reschedule_appointment(uuid, timestamptz, uuid) is 'Security definer body of public.reschedule_appointment.';
revoke all on function private.reschedule_appointment(uuid, timestamptz, uuid) from public;
grant execute on function private.reschedule_appointment(uuid, timestamptz, uuid) to authenticated;

create function public.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.reschedule_appointment(p_appointment_id, p_starts_at, p_vet_id) $$;
comment on function public.reschedule_appointment(uuid, timestamptz, uuid) is 'Moves an upcoming appointment to a free start (optionally another vet) atomically: the old slot is freed and the new one taken, or nothing changes. Clients only for their own and inside the change window; staff any time.';
revoke all on function public.reschedule_appointment(uuid, timestamptz, uuid) from public;
grant execute on function public.reschedule_appointment(uuid, timestamptz, uuid) to authenticated;

create function private.cancel_appointment(p_appointment_id uuid, p_reason text) returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_appointment public.appointments := private.lock_appointment_for_change(p_appointment_id);
begin
  if length(btrim(coalesce(p_reason, ''))) not between 1 and 500 then
    raise exception 'reason_required' using errcode = 'VT422', column = 'reason', detail = 'Please give a reason (up to 500 characters).';
  end if;
  if v_appointment.status = 'cancelled' then
    return v_appointment; -- a repeated cancel is a no-op
  end if;
  if not private.has_clinic_role(v_appointment.clinic_id) then
    perform private.check_client_change_window(v_appointment);
  end if;
  update public.appointments a
  set status = 'cancelled', cancel_reason = btrim(p_reason), cancelled_at = now(), cancelled_by = v_user_id, sequence = a.sequence + 1
  where a.id = v_appointment.id
  returning * into v_appointment;
  perform private.enqueue_appointment_message(v_appointment.id, 'appointment.cancelled', 'appointment.cancelled:' || v_appointment.id,
    'CANCEL', jsonb_build_object('reason', v_appointment.cancel_reason,
      'cancelled_by_clinic', private.has_clinic_role(v_appointment.clinic_id)));
  return v_appointment;
end
$$;
comment on function private.cancel_appointment(uuid, text) is 'Security definer body of public.cancel_appointment.';
revoke all on function private.cancel_appointment(uuid, text) from public;
grant execute on function private.cancel_appointment(uuid, text) to authenticated;

create function public.cancel_appointment(p_appointment_id uuid, p_reason text) returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.cancel_appointment(p_appointment_id, p_reason) $$;
comment on function public.cancel_appointment(uuid, text) is 'Cancels with a reason and frees the slot. Clients: their own, while requested/confirmed and inside the change window; staff any time the status machine allows. Repeating a cancel is a no-op.';
revoke all on function public.cancel_appointment(uuid, text) from public;
grant execute on function public.cancel_appointment(uuid, text) to authenticated;

create function private.set_appointment_status(p_appointment_id uuid, p_status public.appointment_status)
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
  -- The trigger appointments_check_update enforces which transitions are allowed.
  update public.appointments a set status = p_status where a.id = v_appointment.id returning * into v_appointment;
  return v_appointment;
end
$$;
comment on function private.set_appointment_status(uuid, public.appointment_status) is 'Security definer body of public.set_appointment_status.';
revoke all on function private.set_appointment_status(uuid, public.appointment_status) from public;
grant execute on function private.set_appointment_status(uuid, public.appointment_status) to authenticated;

create function public.set_appointment_status(p_appointment_id uuid, p_status public.appointment_status)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.set_appointment_status(p_appointment_id, p_status) $$;
comment on function public.set_appointment_status(uuid, public.appointment_status) is 'Staff move an appointment along requested -> confirmed -> checked_in -> in_progress -> completed, or to no_show; invalid transitions raise invalid_status_transition (409).';
revoke all on function public.set_appointment_status(uuid, public.appointment_status) from public;
grant execute on function public.set_appointment_status(uuid, public.appointment_status) to authenticated;
