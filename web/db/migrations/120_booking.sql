-- Why: booking, rescheduling, cancelling and status changes each run as one plpgsql function in one
-- transaction, with the actor taken from the session. They check the requested start against the same
-- private.compute_slots the slot list uses, then write; the exclusion constraints settle races (a loser
-- gets slot_taken or pet_busy, 409). Each change writes its notification to the outbox in the same
-- transaction, with an iCalendar (.ics) attachment whose UID is the appointment id; the same event can be
-- downloaded from the appointments page (METHOD:PUBLISH, or CANCEL for a cancelled or missed one).
-- When no slot fits, a client asks the clinic for one (booking requests): a duplicate submission returns
-- the open request (insert ... on conflict on booking_requests_one_open_idx, then read the winner); staff
-- convert it in the same transaction as the booking, or decline it with a mailed message.
-- Calendars (staff) and "my appointments" (clients) read appointments with names through list_appointments.

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
  if octet_length(v_text) <= 74 then
    return v_text; -- the loop below would never fold it
  end if;
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
comment on function private.ics_line(text,text) is 'One iCalendar content line NAME:value with the value escaped and folded at 75 octets.';
revoke all on function private.ics_line(text,text) from public;

-- The .ics text from values the caller already has, so the outbox message is built from one query
-- instead of re-reading the appointment with the same joins (measured ~0.1 ms of a ~1.6 ms booking).
create function private.ics_event(
  p_uid uuid, p_sequence integer, p_method text, p_stamp timestamptz, p_starts_at timestamptz, p_ends_at timestamptz,
  p_summary text, p_location text, p_description text
) returns text
language sql stable
set search_path = ''
as $$
  select concat_ws(E'\r\n',
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Vete//Appointments//EN', 'CALSCALE:GREGORIAN', 'METHOD:' || p_method,
    'BEGIN:VEVENT',
    'UID:' || p_uid,
    'SEQUENCE:' || p_sequence,
    'DTSTAMP:' || pg_catalog.to_char(p_stamp at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
    'DTSTART:' || pg_catalog.to_char(p_starts_at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
    'DTEND:' || pg_catalog.to_char(p_ends_at at time zone 'UTC', 'YYYYMMDD"T"HH24MISS"Z"'),
    private.ics_line('SUMMARY', p_summary),
    private.ics_line('LOCATION', p_location),
    private.ics_line('DESCRIPTION', p_description),
    'STATUS:' || case when p_method = 'CANCEL' then 'CANCELLED' else 'CONFIRMED' end,
    'END:VEVENT', 'END:VCALENDAR') || E'\r\n'
$$;
comment on function private.ics_event(uuid,integer,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,text,text,text) is 'An iCalendar VEVENT (UTC times) from its parts; p_method REQUEST or CANCEL.';
revoke all on function private.ics_event(uuid,integer,text,timestamp with time zone,timestamp with time zone,timestamp with time zone,text,text,text) from public;

-- p_method: REQUEST (booked, rescheduled) or CANCEL. SEQUENCE is the appointment's sequence, which
-- reschedule and cancel increment, so calendar apps replace the earlier version.
create function private.appointment_ics(p_appointment_id uuid, p_method text) returns text
language sql stable
set search_path = ''
as $$
  select private.ics_event(a.id, a.sequence, p_method, now(), a.starts_at, a.ends_at,
    s.name || ' - ' || p.name || ' (' || c.name || ')',
    concat_ws(', ', c.name, c.address),
    concat_ws(E'\n', s.name || ' - ' || p.name, u.name, s.instructions))
  from public.appointments a
  join public.clinics c on c.id = a.clinic_id
  join public.services s on s.id = a.service_id
  join public.pets p on p.id = a.pet_id
  join public.users u on u.id = a.vet_id
  where a.id = p_appointment_id
$$;
comment on function private.appointment_ics(uuid,text) is 'The appointment as an iCalendar VEVENT (UTC times, UID = appointment id) for mail attachments.';
revoke all on function private.appointment_ics(uuid,text) from public;

-- Writes the appointment's notification to the client (skipped when the client has no email).
-- One statement: the payload and .ics are built from the appointment and the rows it points to, and the
-- row is inserted right away (a repeated dedupe key is a no-op, as in enqueue_message). Runs as its
-- callers, the security definer booking functions.
create function private.enqueue_appointment_message(
  p_appointment_id uuid, p_template text, p_dedupe_key text, p_ics_method text, p_extra jsonb default '{}'::jsonb
) returns uuid
language sql
set search_path = ''
as $$
  insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key, attachments)
  select
    a.clinic_id, cl.user_id, 'email', coalesce(cl.email::text, u.email::text), p_template,
    coalesce(cl.locale, u.locale, c.default_locale, 'en'),
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
      'content', private.ics_event(a.id, a.sequence, p_ics_method, now(), a.starts_at, a.ends_at,
        s.name || ' - ' || p.name || ' (' || c.name || ')',
        concat_ws(', ', c.name, c.address),
        concat_ws(E'\n', s.name || ' - ' || p.name, v.name, s.instructions)))) end
  from public.appointments a
  join public.clinics c on c.id = a.clinic_id
  join public.clients cl on cl.id = a.client_id
  left join public.users u on u.id = cl.user_id
  join public.pets p on p.id = a.pet_id
  join public.services s on s.id = a.service_id
  join public.users v on v.id = a.vet_id
  where a.id = p_appointment_id and coalesce(cl.email::text, u.email::text) is not null
  on conflict (dedupe_key) do nothing
  returning id
$$;
comment on function private.enqueue_appointment_message(uuid,text,text,text,jsonb) is 'Outbox row for an appointment change (payload: clinic, pet, service, vet, local start) with an optional .ics attachment.';
revoke all on function private.enqueue_appointment_message(uuid,text,text,text,jsonb) from public;

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
comment on function private.resolve_booking_client(uuid,uuid,uuid,boolean) is 'The client a booking is for; raises not_a_client, forbidden or pet_not_found.';
revoke all on function private.resolve_booking_client(uuid,uuid,uuid,boolean) from public;

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
comment on function private.check_booking_target(uuid,uuid,uuid,timestamp with time zone,boolean) is 'Raises vet_does_not_perform_service or outside_booking_window.';
revoke all on function private.check_booking_target(uuid,uuid,uuid,timestamp with time zone,boolean) from public;

-- Racing writers used to meet inside the exclusion indexes: each found the other's uncommitted row and
-- waited until the deadlock detector (after deadlock_timeout, 1 s) killed one with deadlock_detected (40P01)
-- instead of slot_taken (and, for "any vet", it never tried the other vets). So book and reschedule take a
-- per-pet advisory lock, then per-(vet, UTC day) locks for every day the new blocked range touches, right
-- before writing, always in that order and in (vet_id, day) order (any-vet tries vets in vet_id order), so
-- lock waits cannot cycle: the loser sees the winner's committed row and gets exclusion_violation at once.
-- The availability check still runs before the locks on a possibly stale snapshot, so the exclusion
-- constraints stay the guard (web/tests/load/booking-concurrency.test.ts shows double bookings without them).
create function private.lock_vet_schedule(p_vet_id uuid, p_from timestamptz, p_to timestamptz) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_day date := (p_from at time zone 'UTC')::date;
begin
  -- A loop of simple expressions needs no plan; "perform ... from generate_series(...)" was planned afresh
  -- on every call.
  -- key space 1447384147 ('VETS' as int4) keeps these locks apart from other advisory locks
  loop
    perform pg_catalog.pg_advisory_xact_lock(1447384147, pg_catalog.hashtext(p_vet_id::text || ':' || v_day::text));
    v_day := v_day + 1;
    exit when v_day > (p_to at time zone 'UTC')::date;
  end loop;
end
$$;
comment on function private.lock_vet_schedule(uuid,timestamp with time zone,timestamp with time zone) is 'Queues writers of one vet''s appointments on the UTC days [p_from, p_to] touches until the end of the transaction (advisory locks); avoids exclusion-constraint deadlocks between racing bookings.';
revoke all on function private.lock_vet_schedule(uuid,timestamp with time zone,timestamp with time zone) from public;

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
comment on function private.raise_if_pet_busy(text,uuid) is 'Raises pet_busy (409) when p_constraint is the pet overlap constraint.';
revoke all on function private.raise_if_pet_busy(text,uuid) from public;

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
  -- The status is decided once, before trying vets, not in every INSERT attempt.
  v_status := case when not v_is_staff and (private.booking_rules(p_clinic_id)).require_confirmation then 'requested' else 'confirmed' end;
  -- The pet's lock first, then the vet's (see lock_vet_schedule), so lock waits cannot cycle.
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
comment on function private.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) is 'Security definer body of public.book_appointment.';
revoke all on function private.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) from public;
grant execute on function private.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) to authenticated;

create function public.book_appointment(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_starts_at timestamptz,
  p_vet_id uuid default null, p_client_id uuid default null, p_notes text default null
) returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.book_appointment(p_clinic_id, p_pet_id, p_service_id, p_starts_at, p_vet_id, p_client_id, p_notes) $$;
comment on function public.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) is 'Books a free slot (p_vet_id null = any vet who performs the service). Clients: own pets, online-bookable services, within the booking rules. Staff: any client of the clinic, from now on. Raises slot_taken (409) when the time is not free.';
revoke all on function public.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) from public;
grant execute on function public.book_appointment(uuid,uuid,uuid,timestamp with time zone,uuid,uuid,text) to authenticated;

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
  -- The pet's lock first, then the vet's (see lock_vet_schedule), so lock waits cannot cycle.
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
comment on function private.reschedule_appointment(uuid,timestamp with time zone,uuid) is 'Security definer body of public.reschedule_appointment.';
revoke all on function private.reschedule_appointment(uuid,timestamp with time zone,uuid) from public;
grant execute on function private.reschedule_appointment(uuid,timestamp with time zone,uuid) to authenticated;

create function public.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.reschedule_appointment(p_appointment_id, p_starts_at, p_vet_id) $$;
comment on function public.reschedule_appointment(uuid,timestamp with time zone,uuid) is 'Moves an upcoming appointment to a free start (optionally another vet) atomically: the old slot is freed and the new one taken, or nothing changes. Clients only for their own and inside the change window; staff any time.';
revoke all on function public.reschedule_appointment(uuid,timestamp with time zone,uuid) from public;
grant execute on function public.reschedule_appointment(uuid,timestamp with time zone,uuid) to authenticated;

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
comment on function private.cancel_appointment(uuid,text) is 'Security definer body of public.cancel_appointment.';
revoke all on function private.cancel_appointment(uuid,text) from public;
grant execute on function private.cancel_appointment(uuid,text) to authenticated;

create function public.cancel_appointment(p_appointment_id uuid, p_reason text) returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.cancel_appointment(p_appointment_id, p_reason) $$;
comment on function public.cancel_appointment(uuid,text) is 'Cancels with a reason and frees the slot. Clients: their own, while requested/confirmed and inside the change window; staff any time the status machine allows. Repeating a cancel is a no-op.';
revoke all on function public.cancel_appointment(uuid,text) from public;
grant execute on function public.cancel_appointment(uuid,text) to authenticated;

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
comment on function private.set_appointment_status(uuid,public.appointment_status) is 'Security definer body of public.set_appointment_status.';
revoke all on function private.set_appointment_status(uuid,public.appointment_status) from public;
grant execute on function private.set_appointment_status(uuid,public.appointment_status) to authenticated;

create function public.set_appointment_status(p_appointment_id uuid, p_status public.appointment_status)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.set_appointment_status(p_appointment_id, p_status) $$;
comment on function public.set_appointment_status(uuid,public.appointment_status) is 'Staff move an appointment along requested -> confirmed -> checked_in -> in_progress -> completed, or to no_show; invalid transitions raise invalid_status_transition (409).';
revoke all on function public.set_appointment_status(uuid,public.appointment_status) from public;
grant execute on function public.set_appointment_status(uuid,public.appointment_status) to authenticated;

create function private.request_booking(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_preferred_dates date[],
  p_time_of_day public.booking_time_of_day, p_note text, p_client_id uuid
) returns public.booking_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_is_staff boolean := private.has_clinic_role(p_clinic_id);
  v_client_id uuid;
  v_request public.booking_requests;
begin
  if not exists (select 1 from public.services s
                 where s.id = p_service_id and s.clinic_id = p_clinic_id and s.active and (s.bookable_online or v_is_staff)) then
    raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'That service is not available for booking.';
  end if;
  if cardinality(coalesce(p_preferred_dates, '{}')) > 14
     or exists (select 1 from unnest(p_preferred_dates) d where d is null or d < (now() at time zone (select c.time_zone from public.clinics c where c.id = p_clinic_id))::date) then
    raise exception 'invalid_preferred_dates' using errcode = 'VT422', column = 'preferred_dates', detail = 'Pick up to 14 dates from today on.';
  end if;
  v_client_id := private.resolve_booking_client(p_clinic_id, p_pet_id, p_client_id, v_is_staff);
  insert into public.booking_requests (clinic_id, client_id, pet_id, service_id, preferred_dates, time_of_day, note, created_by)
  values (p_clinic_id, v_client_id, p_pet_id, p_service_id,
    (select coalesce(array_agg(distinct d order by d), '{}') from unnest(p_preferred_dates) d),
    coalesce(p_time_of_day, 'any'), nullif(btrim(p_note), ''), v_user_id)
  on conflict (client_id, pet_id, service_id) where status = 'open' do nothing
  returning * into v_request;
  if v_request.id is null then
    -- A new statement sees the concurrent winner once it has committed (read committed).
    select * into v_request from public.booking_requests r
    where r.client_id = v_client_id and r.pet_id = p_pet_id and r.service_id = p_service_id and r.status = 'open';
  end if;
  return v_request;
end
$$;
comment on function private.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) is 'Security definer body of public.request_booking.';
revoke all on function private.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) from public;
grant execute on function private.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) to authenticated;

create function public.request_booking(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_preferred_dates date[] default '{}',
  p_time_of_day public.booking_time_of_day default 'any', p_note text default null, p_client_id uuid default null
) returns setof public.booking_requests
language sql
set search_path = ''
as $$ select * from private.request_booking(p_clinic_id, p_pet_id, p_service_id, p_preferred_dates, p_time_of_day, p_note, p_client_id) $$;
comment on function public.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) is 'Asks the clinic for an appointment (preferred dates and time of day). At most one open request per client, pet and service: a duplicate returns the existing open request unchanged.';
revoke all on function public.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) from public;
grant execute on function public.request_booking(uuid,uuid,uuid,date[],public.booking_time_of_day,text,uuid) to authenticated;

-- The open request locked for a decision by staff of its clinic.
create function private.lock_open_booking_request(p_request_id uuid) returns public.booking_requests
language plpgsql
set search_path = ''
as $$
declare
  v_request public.booking_requests;
begin
  select * into v_request from public.booking_requests r where r.id = p_request_id for update;
  if not found or not private.has_clinic_role(v_request.clinic_id) then
    raise exception 'request_not_found' using errcode = 'VT404', column = 'request_id', detail = 'That booking request was not found.';
  end if;
  if v_request.status <> 'open' then
    raise exception 'request_not_open' using errcode = 'VT409', detail = format('This request was already %s.', v_request.status);
  end if;
  return v_request;
end
$$;
comment on function private.lock_open_booking_request(uuid) is 'Locks an open booking request of a clinic the caller is staff of; raises request_not_found or request_not_open.';
revoke all on function private.lock_open_booking_request(uuid) from public;

create function private.convert_booking_request(p_request_id uuid, p_vet_id uuid, p_starts_at timestamptz)
returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_request public.booking_requests := private.lock_open_booking_request(p_request_id);
  v_appointment public.appointments;
begin
  -- Booked as staff: the same checks, slot logic and outbox message as any staff booking.
  v_appointment := private.book_appointment(v_request.clinic_id, v_request.pet_id, v_request.service_id, p_starts_at,
    p_vet_id, v_request.client_id, v_request.note);
  update public.booking_requests r
  set status = 'converted', appointment_id = v_appointment.id, decided_by = v_user_id, decided_at = now()
  where r.id = v_request.id;
  return v_appointment;
end
$$;
comment on function private.convert_booking_request(uuid,uuid,timestamp with time zone) is 'Security definer body of public.convert_booking_request.';
revoke all on function private.convert_booking_request(uuid,uuid,timestamp with time zone) from public;
grant execute on function private.convert_booking_request(uuid,uuid,timestamp with time zone) to authenticated;

create function public.convert_booking_request(p_request_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.convert_booking_request(p_request_id, p_vet_id, p_starts_at) $$;
comment on function public.convert_booking_request(uuid,timestamp with time zone,uuid) is 'Staff book the requested appointment and mark the request converted, in one transaction; slot_taken (409) leaves the request open.';
revoke all on function public.convert_booking_request(uuid,timestamp with time zone,uuid) from public;
grant execute on function public.convert_booking_request(uuid,timestamp with time zone,uuid) to authenticated;

create function private.decline_booking_request(p_request_id uuid, p_message text) returns public.booking_requests
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_request public.booking_requests := private.lock_open_booking_request(p_request_id);
begin
  if length(btrim(coalesce(p_message, ''))) not between 1 and 1000 then
    raise exception 'message_required' using errcode = 'VT422', column = 'message', detail = 'Please write a short message to the client (up to 1000 characters).';
  end if;
  update public.booking_requests r
  set status = 'declined', decline_message = btrim(p_message), decided_by = v_user_id, decided_at = now()
  where r.id = v_request.id
  returning * into v_request;
  perform private.enqueue_message(v_request.clinic_id, cl.user_id, 'email', coalesce(cl.email::text, u.email::text),
    'appointment.request_declined', coalesce(cl.locale, u.locale, c.default_locale),
    jsonb_build_object('request_id', v_request.id, 'clinic_name', c.name, 'clinic_slug', c.slug, 'pet_name', p.name,
      'service_name', s.name, 'message', v_request.decline_message, 'path', '/' || c.slug || '/portal/appointments'),
    'appointment.request_declined:' || v_request.id)
  from public.clients cl
  join public.clinics c on c.id = cl.clinic_id
  left join public.users u on u.id = cl.user_id
  join public.pets p on p.id = v_request.pet_id
  join public.services s on s.id = v_request.service_id
  where cl.id = v_request.client_id and coalesce(cl.email::text, u.email::text) is not null;
  return v_request;
end
$$;
comment on function private.decline_booking_request(uuid,text) is 'Security definer body of public.decline_booking_request.';
revoke all on function private.decline_booking_request(uuid,text) from public;
grant execute on function private.decline_booking_request(uuid,text) to authenticated;

create function public.decline_booking_request(p_request_id uuid, p_message text) returns setof public.booking_requests
language sql
set search_path = ''
as $$ select * from private.decline_booking_request(p_request_id, p_message) $$;
comment on function public.decline_booking_request(uuid,text) is 'Staff decline an open booking request; the message is mailed to the client through the outbox.';
revoke all on function public.decline_booking_request(uuid,text) from public;
grant execute on function public.decline_booking_request(uuid,text) to authenticated;

create function private.list_appointments(p_clinic_id uuid, p_from timestamptz, p_to timestamptz, p_vet_id uuid)
returns table (
  id uuid, starts_at timestamptz, ends_at timestamptz, status public.appointment_status,
  vet_id uuid, vet_name text, service_id uuid, service_name text, pet_id uuid, pet_name text,
  client_id uuid, client_name text, notes text, cancel_reason text, client_can_change boolean
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_is_staff boolean := private.has_clinic_role(p_clinic_id);
  v_window_hours integer := (private.booking_rules(p_clinic_id)).client_change_window_hours;
begin
  perform private.require_user();
  if p_from is null or p_to is null or p_to <= p_from or p_to - p_from > interval '400 days' then
    raise exception 'invalid_date_range' using errcode = 'VT422', column = 'to', detail = 'Pick an end after the start, at most 400 days later.';
  end if;
  return query
    select a.id, a.starts_at, a.ends_at, a.status, a.vet_id, v.name, a.service_id, s.name, a.pet_id, p.name,
      a.client_id, cl.full_name,
      case when v_is_staff then a.notes end,
      a.cancel_reason,
      a.status in ('requested', 'confirmed') and now() <= a.starts_at - pg_catalog.make_interval(hours => v_window_hours)
    from public.appointments a
    join public.users v on v.id = a.vet_id
    join public.services s on s.id = a.service_id
    join public.pets p on p.id = a.pet_id
    join public.clients cl on cl.id = a.client_id
    where a.clinic_id = p_clinic_id
      and a.starts_at < p_to and a.ends_at > p_from
      and a.starts_at > p_from - interval '1 day' -- appointments last at most 8 hours; lets the index bound the scan
      and (p_vet_id is null or a.vet_id = p_vet_id)
      and (v_is_staff or cl.user_id = private.current_user_id())
    order by a.starts_at, v.name, a.id;
end
$$;
comment on function private.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) is 'Security definer body of public.list_appointments.';
revoke all on function private.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) from public;
grant execute on function private.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) to authenticated;

create function public.list_appointments(p_clinic_id uuid, p_from timestamptz, p_to timestamptz, p_vet_id uuid default null)
returns table (
  id uuid, starts_at timestamptz, ends_at timestamptz, status public.appointment_status,
  vet_id uuid, vet_name text, service_id uuid, service_name text, pet_id uuid, pet_name text,
  client_id uuid, client_name text, notes text, cancel_reason text, client_can_change boolean
)
language sql stable
set search_path = ''
as $$ select * from private.list_appointments(p_clinic_id, p_from, p_to, p_vet_id) $$;
comment on function public.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) is 'Appointments overlapping [p_from, p_to) with names, all statuses: staff see the clinic''s (optionally one vet''s), clients their own. client_can_change: still inside the client change window. notes only for staff.';
revoke all on function public.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) from public;
grant execute on function public.list_appointments(uuid,timestamp with time zone,timestamp with time zone,uuid) to authenticated;

create function private.appointment_calendar_file(p_clinic_id uuid, p_appointment_id uuid) returns text
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_appointment public.appointments;
begin
  perform private.require_user();
  select * into v_appointment from public.appointments a where a.id = p_appointment_id and a.clinic_id = p_clinic_id;
  if not found or not (private.has_clinic_role(v_appointment.clinic_id) or private.is_own_client(v_appointment.client_id)) then
    raise exception 'appointment_not_found' using errcode = 'VT404', column = 'appointment_id', detail = 'That appointment was not found.';
  end if;
  return private.appointment_ics(v_appointment.id,
    case when v_appointment.status in ('cancelled', 'no_show') then 'CANCEL' else 'PUBLISH' end);
end
$$;
comment on function private.appointment_calendar_file(uuid,uuid) is 'Security definer body of public.appointment_calendar_file.';
revoke all on function private.appointment_calendar_file(uuid,uuid) from public;
grant execute on function private.appointment_calendar_file(uuid,uuid) to authenticated;

create function public.appointment_calendar_file(p_clinic_id uuid, p_appointment_id uuid) returns text
language sql stable
set search_path = ''
as $$ select private.appointment_calendar_file(p_clinic_id, p_appointment_id) $$;
comment on function public.appointment_calendar_file(uuid,uuid) is 'The appointment as an .ics file (METHOD:PUBLISH, or CANCEL when cancelled or missed) for its own client or staff of its clinic; raises appointment_not_found (404) otherwise.';
revoke all on function public.appointment_calendar_file(uuid,uuid) from public;
grant execute on function public.appointment_calendar_file(uuid,uuid) to authenticated;
