-- Why: list_appointments hid staff notes from clients, but book, cancel, reschedule, status and request
-- conversion returned the whole appointments row: a client who cancelled (or cancelled again, or "moved"
-- to the same time) read the staff note. Every public function that returns appointment rows now passes
-- them through private.appointment_for_caller, the one place that decides what a caller who is not staff
-- of the clinic may see (no notes, no staff user ids). A catalog test fails when a public function returns
-- public.appointments without it. Behind Supabase's API a client could also select the notes column of
-- their own rows directly; the column is no longer granted (staff read notes through list_appointments and
-- still write them with the existing update grant).

create function private.appointment_for_caller(p_appointment public.appointments) returns public.appointments
language plpgsql stable
set search_path = ''
as $$
begin
  if p_appointment.id is not null and not private.has_clinic_role(p_appointment.clinic_id) then
    p_appointment.notes := null;
    p_appointment.created_by := null;
    p_appointment.cancelled_by := null;
  end if;
  return p_appointment;
end
$$;
comment on function private.appointment_for_caller(public.appointments) is 'The appointment row as the signed-in user may see it: staff of its clinic get it whole; anyone else (its client) without notes, created_by and cancelled_by.';
revoke all on function private.appointment_for_caller(public.appointments) from public;
grant execute on function private.appointment_for_caller(public.appointments) to authenticated;

create or replace function public.book_appointment(
  p_clinic_id uuid, p_pet_id uuid, p_service_id uuid, p_starts_at timestamptz,
  p_vet_id uuid default null, p_client_id uuid default null, p_notes text default null
) returns setof public.appointments
language sql
set search_path = ''
as $$
  select v.* from private.book_appointment(p_clinic_id, p_pet_id, p_service_id, p_starts_at, p_vet_id, p_client_id, p_notes) a
  cross join lateral private.appointment_for_caller(a) v
$$;
comment on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) is 'Books a free slot (p_vet_id null = any vet who performs the service). Clients: own pets, online-bookable services, within the booking rules. Staff: any client of the clinic, from now on. Raises slot_taken (409) when the time is not free. The row is shaped by private.appointment_for_caller.';
revoke all on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) from public;
grant execute on function public.book_appointment(uuid, uuid, uuid, timestamptz, uuid, uuid, text) to authenticated;

create or replace function public.reschedule_appointment(p_appointment_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$
  select v.* from private.reschedule_appointment(p_appointment_id, p_starts_at, p_vet_id) a
  cross join lateral private.appointment_for_caller(a) v
$$;
comment on function public.reschedule_appointment(uuid, timestamptz, uuid) is 'Moves an upcoming appointment to a free start (optionally another vet) atomically: the old slot is freed and the new one taken, or nothing changes. Clients only for their own and inside the change window; staff any time. The row is shaped by private.appointment_for_caller.';
revoke all on function public.reschedule_appointment(uuid, timestamptz, uuid) from public;
grant execute on function public.reschedule_appointment(uuid, timestamptz, uuid) to authenticated;

create or replace function public.cancel_appointment(p_appointment_id uuid, p_reason text) returns setof public.appointments
language sql
set search_path = ''
as $$
  select v.* from private.cancel_appointment(p_appointment_id, p_reason) a
  cross join lateral private.appointment_for_caller(a) v
$$;
comment on function public.cancel_appointment(uuid, text) is 'Cancels with a reason and frees the slot. Clients: their own, while requested/confirmed and inside the change window; staff any time the status machine allows. Repeating a cancel is a no-op. The row is shaped by private.appointment_for_caller.';
revoke all on function public.cancel_appointment(uuid, text) from public;
grant execute on function public.cancel_appointment(uuid, text) to authenticated;

create or replace function public.set_appointment_status(p_appointment_id uuid, p_status public.appointment_status)
returns setof public.appointments
language sql
set search_path = ''
as $$
  select v.* from private.set_appointment_status(p_appointment_id, p_status) a
  cross join lateral private.appointment_for_caller(a) v
$$;
comment on function public.set_appointment_status(uuid, public.appointment_status) is 'Staff move an appointment along requested -> confirmed -> checked_in -> in_progress -> completed, or to no_show; invalid transitions raise invalid_status_transition (409). The row is shaped by private.appointment_for_caller.';
revoke all on function public.set_appointment_status(uuid, public.appointment_status) from public;
grant execute on function public.set_appointment_status(uuid, public.appointment_status) to authenticated;

create or replace function public.convert_booking_request(p_request_id uuid, p_starts_at timestamptz, p_vet_id uuid default null)
returns setof public.appointments
language sql
set search_path = ''
as $$
  select v.* from private.convert_booking_request(p_request_id, p_vet_id, p_starts_at) a
  cross join lateral private.appointment_for_caller(a) v
$$;
comment on function public.convert_booking_request(uuid, timestamptz, uuid) is 'Staff book the requested appointment and mark the request converted, in one transaction; slot_taken (409) leaves the request open. The row is shaped by private.appointment_for_caller.';
revoke all on function public.convert_booking_request(uuid, timestamptz, uuid) from public;
grant execute on function public.convert_booking_request(uuid, timestamptz, uuid) to authenticated;

-- Direct reads (Supabase's REST API): every column but notes. Staff keep update (notes) from 100_appointments.
revoke select on public.appointments from authenticated;
grant select (id, clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_before_minutes,
  buffer_after_minutes, blocked, status, sequence, cancel_reason, cancelled_at, cancelled_by, created_by,
  created_at, updated_at) on public.appointments to authenticated;
