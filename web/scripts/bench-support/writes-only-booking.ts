// The writes-only floor for booking throughput: what book_appointment must write, without what it checks.
// Created by the benchmark in its throwaway database only (schema `bench`), never by a migration.
// Kept: the call shape (a public-style SQL wrapper around a security definer plpgsql body, returning the
// whole appointment row), the service row the insert needs (duration, buffers), the per-pet and per-vet
// locks, the appointment INSERT under both exclusion constraints and the outbox row with its .ics, through
// the same private helpers book_appointment calls, so the floor follows them when they change.
// Left out: the client, pet, service, vet and booking-window checks, the status rule, the slot check
// (compute_slots), and the exception block that turns a lost race into the next vet or slot_taken.
export const WRITES_ONLY_BOOKING_SQL = `
create schema bench;
grant usage on schema bench to authenticated;

create function bench.book_appointment_writes_body(
  p_clinic_id uuid, p_client_id uuid, p_pet_id uuid, p_service_id uuid, p_vet_id uuid, p_starts_at timestamptz
) returns public.appointments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_service public.services;
  v_appointment public.appointments;
begin
  select * into v_service from public.services s where s.id = p_service_id;
  perform private.lock_pet_schedule(p_pet_id);
  perform private.lock_vet_schedule(p_vet_id, p_starts_at - pg_catalog.make_interval(mins => v_service.buffer_before_minutes),
    p_starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes + v_service.buffer_after_minutes));
  insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at,
    buffer_before_minutes, buffer_after_minutes, status, created_by)
  values (p_clinic_id, p_client_id, p_pet_id, p_service_id, p_vet_id, p_starts_at,
    p_starts_at + pg_catalog.make_interval(mins => v_service.duration_minutes),
    v_service.buffer_before_minutes, v_service.buffer_after_minutes, 'confirmed', private.require_user())
  returning * into v_appointment;
  perform private.enqueue_appointment_message(v_appointment.id, 'appointment.booked', 'appointment.booked:' || v_appointment.id, 'REQUEST');
  return v_appointment;
end
$$;
comment on function bench.book_appointment_writes_body(uuid, uuid, uuid, uuid, uuid, timestamptz) is 'Benchmark floor: the writes of private.book_appointment without its checks.';
revoke all on function bench.book_appointment_writes_body(uuid, uuid, uuid, uuid, uuid, timestamptz) from public;
grant execute on function bench.book_appointment_writes_body(uuid, uuid, uuid, uuid, uuid, timestamptz) to authenticated;

create function bench.book_appointment_writes(
  p_clinic_id uuid, p_client_id uuid, p_pet_id uuid, p_service_id uuid, p_vet_id uuid, p_starts_at timestamptz
) returns setof public.appointments
language sql
set search_path = ''
as $$ select * from bench.book_appointment_writes_body(p_clinic_id, p_client_id, p_pet_id, p_service_id, p_vet_id, p_starts_at) $$;
comment on function bench.book_appointment_writes(uuid, uuid, uuid, uuid, uuid, timestamptz) is 'Benchmark floor, called like public.book_appointment.';
revoke all on function bench.book_appointment_writes(uuid, uuid, uuid, uuid, uuid, timestamptz) from public;
grant execute on function bench.book_appointment_writes(uuid, uuid, uuid, uuid, uuid, timestamptz) to authenticated;
`;
