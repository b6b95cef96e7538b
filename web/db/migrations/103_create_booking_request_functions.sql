-- Why: when no slot fits, a client asks the clinic for one. A duplicate submission (a double click, two
-- tabs at once) must return the open request rather than create a second: insert ... on conflict on the
-- partial unique index booking_requests_one_open_idx, then read the winner. Staff turn a request into an
-- appointment in the same transaction as the booking, or decline it with a message mailed to the client.

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
comment on function private.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) is 'Security definer body of public.request_booking.';
revoke all on function private.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) from public;
grant execute on function private.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) to authenticated;

create function public.request_booking(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_preferred_dates date[] default '{}',
  p_time_of_day public.booking_time_of_day default 'any', p_note text default null, p_client_id uuid default null
) returns setof public.booking_requests
language sql
set search_path = ''
as $$ select * from private.request_booking(p_clinic_id, p_pet_id, p_service_id, p_preferred_dates, p_time_of_day, p_note, p_client_id) $$;
comment on function public.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) is 'Asks the clinic for an appointment (preferred dates and time of day). At most one open request per client, pet and service: a duplicate returns the existing open request unchanged.';
revoke all on function public.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) from public;
grant execute on function public.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) to authenticated;

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
comment on function private.convert_booking_request(uuid, uuid, timestamptz) is 'Security definer body of public.convert_booking_request.';
revoke all on function private.convert_booking_request(uuid, uuid, timestamptz) from public;
grant execute on function private.convert_booking_request(uuid, uuid, timestamptz) to authenticated;

create function public.convert_booking_request(p_request_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$ select * from private.convert_booking_request(p_request_id, p_vet_id, p_starts_at) $$;
comment on function public.convert_booking_request(uuid, timestamptz, uuid) is 'Staff book the requested appointment and mark the request converted, in one transaction; slot_taken (409) leaves the request open.';
revoke all on function public.convert_booking_request(uuid, timestamptz, uuid) from public;
grant execute on function public.convert_booking_request(uuid, timestamptz, uuid) to authenticated;

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
comment on function private.decline_booking_request(uuid, text) is 'Security definer body of public.decline_booking_request.';
revoke all on function private.decline_booking_request(uuid, text) from public;
grant execute on function private.decline_booking_request(uuid, text) to authenticated;

create function public.decline_booking_request(p_request_id uuid, p_message text) returns setof public.booking_requests
language sql
set search_path = ''
as $$ select * from private.decline_booking_request(p_request_id, p_message) $$;
comment on function public.decline_booking_request(uuid, text) is 'Staff decline an open booking request; the message is mailed to the client through the outbox.';
revoke all on function public.decline_booking_request(uuid, text) from public;
grant execute on function public.decline_booking_request(uuid, text) to authenticated;
