-- Why: the booking throughput target (npm run bench appointments: at least half of a plain single-row
-- INSERT) is still missed. perf over the benchmark's bookings (one transaction each) showed, besides the
-- slot check and the two inserts that a booking needs, work that was pure overhead:
-- * lock_vet_schedule's "perform ... from generate_series(...)" was planned afresh on every call (its
--   custom plan never lost to the generic one); a loop of simple expressions needs no plan at all;
-- * booking_window called booking_rules through a lateral join inside a SQL function (a nested executor
--   per call) and read the rules even for staff, who are not bound by them;
-- * the outbox row took two statements and a security definer call (enqueue_appointment_message ->
--   enqueue_message) where one INSERT ... SELECT does; enqueue_message stays for other callers;
-- * ics_event called the one-line SQL helper ics_time three times (a function call each); it now formats
--   inline and ics_time, which had no other caller, is dropped.
-- (book_appointment also read the booking rules inside its INSERT, once per vet tried; 109, which replaces
-- it anyway, decides the status once before the loop.) Same results: the booking, DST, property and outbox tests are unchanged.
-- Measured in documentation/benchmarks.md.

create or replace function private.lock_vet_schedule(p_vet_id uuid, p_from timestamptz, p_to timestamptz) returns void
language plpgsql
set search_path = ''
as $$
declare
  v_day date := (p_from at time zone 'UTC')::date;
begin
  -- key space 1447384147 ('VETS' as int4) keeps these locks apart from other advisory locks
  loop
    perform pg_catalog.pg_advisory_xact_lock(1447384147, pg_catalog.hashtext(p_vet_id::text || ':' || v_day::text));
    v_day := v_day + 1;
    exit when v_day > (p_to at time zone 'UTC')::date;
  end loop;
end
$$;

-- Clients book from now + min notice until the end of the local day max_days_ahead days from today.
-- Staff are not bound by those rules, only by "not in the past". Null when the clinic does not exist.
create or replace function private.booking_window(p_clinic_id uuid, p_is_staff boolean) returns tstzrange
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

create or replace function private.ics_event(
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

drop function private.ics_time(timestamptz);

-- One statement: the payload and .ics are built from the appointment and the rows it points to, and the
-- row is inserted right away (a repeated dedupe key is a no-op, as in enqueue_message). Runs as its
-- callers, the security definer booking functions.
create or replace function private.enqueue_appointment_message(
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
