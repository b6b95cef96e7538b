-- Why: calendars (staff) and "my appointments" (clients) need appointments with vet, service, pet and
-- client names, but users' rows are private and clients cannot read staff-only services. One function
-- returns exactly those columns: staff see their clinic's appointments, anyone else only their own.

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
comment on function private.list_appointments(uuid, timestamptz, timestamptz, uuid) is 'Security definer body of public.list_appointments.';
revoke all on function private.list_appointments(uuid, timestamptz, timestamptz, uuid) from public;
grant execute on function private.list_appointments(uuid, timestamptz, timestamptz, uuid) to authenticated;

create function public.list_appointments(p_clinic_id uuid, p_from timestamptz, p_to timestamptz, p_vet_id uuid default null)
returns table (
  id uuid, starts_at timestamptz, ends_at timestamptz, status public.appointment_status,
  vet_id uuid, vet_name text, service_id uuid, service_name text, pet_id uuid, pet_name text,
  client_id uuid, client_name text, notes text, cancel_reason text, client_can_change boolean
)
language sql stable
set search_path = ''
as $$ select * from private.list_appointments(p_clinic_id, p_from, p_to, p_vet_id) $$;
comment on function public.list_appointments(uuid, timestamptz, timestamptz, uuid) is 'Appointments overlapping [p_from, p_to) with names, all statuses: staff see the clinic''s (optionally one vet''s), clients their own. client_can_change: still inside the client change window. notes only for staff.';
revoke all on function public.list_appointments(uuid, timestamptz, timestamptz, uuid) from public;
grant execute on function public.list_appointments(uuid, timestamptz, timestamptz, uuid) to authenticated;
