-- Why: appointments are the clinic's core promise, and double booking must be impossible even for writes
-- that bypass the booking functions. These are the scheduling tables (services, who performs them, weekly
-- hours, date overrides, time off, per-clinic booking rules), appointments with exclusion constraints on
-- (vet, blocked time including buffers) and on (pet, time) for live statuses, a database-enforced status
-- machine, and booking requests with at most one open request per (client, pet, service).
-- Every table carries clinic_id; composite foreign keys keep rows inside one tenant. Writes to
-- appointments and booking requests go only through functions (120_booking.sql); staff edit services,
-- schedules and rules directly under RLS with column grants. Owners and admins edit every vet's schedule,
-- a vet their own, and receptionists (who hear "Dr. Vet is off on Friday" at the front desk) any vet's
-- hours, overrides and time off; services and booking rules stay with owners and admins.

create table public.services (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  duration_minutes integer not null check (duration_minutes between 5 and 480),
  price_cents integer not null default 0 check (price_cents >= 0),
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  bookable_online boolean not null default true,
  instructions text check (instructions is null or length(instructions) <= 2000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, id)
);

create index services_clinic_idx on public.services (clinic_id, name);

alter table public.services enable row level security;

create trigger services_touch before update on public.services for each row execute function private.touch_updated_at();

-- Who performs a service. The composite key to memberships means only staff of the same clinic qualify,
-- and removing someone from the team removes them here too.
create table public.service_vets (
  clinic_id uuid not null,
  service_id uuid not null,
  vet_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (service_id, vet_id),
  foreign key (clinic_id, service_id) references public.services (clinic_id, id) on delete cascade,
  foreign key (clinic_id, vet_id) references public.clinic_memberships (clinic_id, user_id) on delete cascade
);

create index service_vets_vet_idx on public.service_vets (clinic_id, vet_id);

alter table public.service_vets enable row level security;

create function private.check_service_vet_role() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Receptionists do not perform clinical services; owners and admins often do in small clinics.
  if not exists (select 1 from public.clinic_memberships m
                 where m.clinic_id = new.clinic_id and m.user_id = new.vet_id and m.role in ('vet', 'owner', 'admin')) then
    raise exception 'not_a_vet' using errcode = 'VT422', column = 'vet_id', detail = 'Only vets (or owners and admins) can perform services.';
  end if;
  return new;
end
$$;
comment on function private.check_service_vet_role() is 'Trigger: a service can be assigned only to a vet, owner or admin of the same clinic.';
revoke all on function private.check_service_vet_role() from public;

create trigger service_vets_check_role before insert or update on public.service_vets
  for each row execute function private.check_service_vet_role();

-- Weekly hours in the clinic's local wall-clock time. weekday is ISO (1 = Monday .. 7 = Sunday);
-- end_time may be 24:00. Several rows per day express breaks; overlapping rows simply merge.
create table public.vet_weekly_hours (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  vet_id uuid not null,
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null,
  created_at timestamptz not null default now(),
  check (start_time < end_time),
  foreign key (clinic_id, vet_id) references public.clinic_memberships (clinic_id, user_id) on delete cascade
);

create index vet_weekly_hours_vet_idx on public.vet_weekly_hours (vet_id, weekday);

create index vet_weekly_hours_clinic_idx on public.vet_weekly_hours (clinic_id);

alter table public.vet_weekly_hours enable row level security;

-- A date override replaces the weekly hours of that local date: kind 'hours' rows are the day's intervals
-- (extra days such as a Saturday, or changed hours); a 'closed' row means no work that day at all.
create table public.vet_date_overrides (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  vet_id uuid not null,
  on_date date not null,
  kind text not null check (kind in ('hours', 'closed')),
  start_time time,
  end_time time,
  note text check (note is null or length(note) <= 200),
  created_at timestamptz not null default now(),
  check ((kind = 'closed' and start_time is null and end_time is null)
      or (kind = 'hours' and start_time is not null and end_time is not null and start_time < end_time)),
  foreign key (clinic_id, vet_id) references public.clinic_memberships (clinic_id, user_id) on delete cascade
);

create index vet_date_overrides_vet_idx on public.vet_date_overrides (vet_id, on_date);

create index vet_date_overrides_clinic_idx on public.vet_date_overrides (clinic_id, on_date);

alter table public.vet_date_overrides enable row level security;

-- Time off is absolute (a holiday, a conference): a range of instants, not wall-clock times.
create table public.vet_time_off (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  vet_id uuid not null,
  period tstzrange not null check (not isempty(period) and not lower_inf(period) and not upper_inf(period)),
  reason text check (reason is null or length(reason) <= 200),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, vet_id) references public.clinic_memberships (clinic_id, user_id) on delete cascade
);

create index vet_time_off_vet_idx on public.vet_time_off using gist (vet_id extensions.gist_uuid_ops, period);

create index vet_time_off_clinic_idx on public.vet_time_off (clinic_id);

alter table public.vet_time_off enable row level security;

-- One row per clinic, created with the clinic (migration 201); the column defaults are the only defaults.
create table public.clinic_booking_rules (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  min_notice_minutes integer not null default 120 check (min_notice_minutes between 0 and 43200),
  max_days_ahead integer not null default 60 check (max_days_ahead between 0 and 730),
  slot_granularity_minutes integer not null default 15 check (slot_granularity_minutes in (5, 10, 15, 20, 30, 60)),
  client_change_window_hours integer not null default 24 check (client_change_window_hours between 0 and 720),
  require_confirmation boolean not null default false,
  updated_at timestamptz not null default now()
);

alter table public.clinic_booking_rules enable row level security;

create trigger clinic_booking_rules_touch before update on public.clinic_booking_rules for each row execute function private.touch_updated_at();

create type public.appointment_status as enum
  ('requested', 'confirmed', 'checked_in', 'in_progress', 'completed', 'no_show', 'cancelled');

-- vet_id references users (not memberships) so past appointments survive a vet leaving the team; the
-- booking functions check that the vet performs the service. Buffers are copied from the service at
-- booking time so later edits of the service do not move existing blocked ranges.
create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  pet_id uuid not null,
  service_id uuid not null,
  vet_id uuid not null references public.users (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  buffer_before_minutes integer not null default 0 check (buffer_before_minutes between 0 and 240),
  buffer_after_minutes integer not null default 0 check (buffer_after_minutes between 0 and 240),
  -- [starts_at - buffer_before, ends_at + buffer_after), maintained by a trigger (interval arithmetic on
  -- timestamptz is not immutable, so it cannot be a generated column)
  blocked tstzrange not null,
  status public.appointment_status not null default 'confirmed',
  sequence integer not null default 0 check (sequence >= 0),
  notes text check (notes is null or length(notes) <= 2000),
  cancel_reason text check (cancel_reason is null or length(cancel_reason) <= 500),
  cancelled_at timestamptz,
  cancelled_by uuid references public.users (id) on delete set null,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at > starts_at),
  unique (clinic_id, id),
  foreign key (clinic_id, client_id) references public.clients (clinic_id, id) on delete cascade,
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id) on delete cascade,
  foreign key (clinic_id, service_id) references public.services (clinic_id, id),
  -- The guard against double booking: no two live appointments of one vet may overlap, buffers included.
  constraint appointments_vet_no_overlap exclude using gist (
    vet_id extensions.gist_uuid_ops with operator(pg_catalog.=),
    blocked with operator(pg_catalog.&&)
  ) where (status not in ('cancelled', 'no_show')),
  -- One pet cannot be in two live appointments at once (with two vets, or the same visit booked twice with
  -- "any vet"): [starts_at, ends_at), without the vet's buffers. A clash answers 409 pet_busy.
  constraint appointments_pet_no_overlap exclude using gist (
    pet_id extensions.gist_uuid_ops with operator(pg_catalog.=),
    pg_catalog.tstzrange(starts_at, ends_at) with operator(pg_catalog.&&)
  ) where (status not in ('cancelled', 'no_show')),
  -- An upper bound on an appointment's length lets compute_slots find busy appointments through the btree
  -- index (vet_id, starts_at) with exact bounds instead of probing the gist exclusion index.
  constraint appointments_duration_check check (extract(epoch from ends_at - starts_at) <= 8 * 3600)
);

create index appointments_vet_starts_idx on public.appointments (vet_id, starts_at);

create index appointments_clinic_starts_idx on public.appointments (clinic_id, starts_at);

create index appointments_client_starts_idx on public.appointments (client_id, starts_at);

create index appointments_pet_idx on public.appointments (pet_id);

alter table public.appointments enable row level security;

create trigger appointments_touch before update on public.appointments for each row execute function private.touch_updated_at();

create function private.set_appointment_blocked() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.blocked := pg_catalog.tstzrange(
    new.starts_at - pg_catalog.make_interval(mins => new.buffer_before_minutes),
    new.ends_at + pg_catalog.make_interval(mins => new.buffer_after_minutes), '[)');
  return new;
end
$$;
comment on function private.set_appointment_blocked() is 'Trigger: keeps appointments.blocked = [starts_at - buffer_before, ends_at + buffer_after) on every write.';
revoke all on function private.set_appointment_blocked() from public;

create trigger appointments_set_blocked before insert or update on public.appointments
  for each row execute function private.set_appointment_blocked();

create function private.is_allowed_appointment_transition(p_from public.appointment_status, p_to public.appointment_status)
returns boolean
language sql immutable
set search_path = ''
as $$
  select case p_from
    when 'requested' then p_to in ('confirmed', 'cancelled')
    when 'confirmed' then p_to in ('checked_in', 'cancelled', 'no_show')
    when 'checked_in' then p_to in ('in_progress', 'cancelled')
    when 'in_progress' then p_to = 'completed'
    else false -- completed, no_show and cancelled are final
  end
$$;
comment on function private.is_allowed_appointment_transition(public.appointment_status,public.appointment_status) is 'The appointment status machine: which status may follow which.';
revoke all on function private.is_allowed_appointment_transition(public.appointment_status,public.appointment_status) from public;
grant execute on function private.is_allowed_appointment_transition(public.appointment_status,public.appointment_status) to authenticated;

create function private.check_appointment_update() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status and not private.is_allowed_appointment_transition(old.status, new.status) then
    raise exception 'invalid_status_transition' using errcode = 'VT409', column = 'status',
      detail = format('An appointment that is %s cannot become %s.', old.status, new.status);
  end if;
  if old.status in ('completed', 'no_show', 'cancelled')
     and (new.starts_at, new.ends_at, new.vet_id, new.client_id, new.pet_id, new.service_id)
         is distinct from (old.starts_at, old.ends_at, old.vet_id, old.client_id, old.pet_id, old.service_id) then
    raise exception 'appointment_closed' using errcode = 'VT409', detail = 'This appointment is closed and can no longer be changed.';
  end if;
  return new;
end
$$;
comment on function private.check_appointment_update() is 'Trigger: enforces the status machine and freezes closed appointments, for every writer.';
revoke all on function private.check_appointment_update() from public;

create trigger appointments_check_update before update on public.appointments
  for each row execute function private.check_appointment_update();

create type public.booking_time_of_day as enum ('morning', 'afternoon', 'evening', 'any');

create type public.booking_request_status as enum ('open', 'converted', 'declined');

create table public.booking_requests (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  pet_id uuid not null,
  service_id uuid not null,
  preferred_dates date[] not null default '{}' check (cardinality(preferred_dates) <= 14),
  time_of_day public.booking_time_of_day not null default 'any',
  note text check (note is null or length(note) <= 1000),
  status public.booking_request_status not null default 'open',
  decline_message text check (decline_message is null or length(decline_message) <= 1000),
  appointment_id uuid,
  created_by uuid references public.users (id) on delete set null,
  decided_by uuid references public.users (id) on delete set null,
  decided_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (appointment_id is null or status = 'converted'),
  foreign key (clinic_id, client_id) references public.clients (clinic_id, id) on delete cascade,
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id) on delete cascade,
  foreign key (clinic_id, service_id) references public.services (clinic_id, id) on delete cascade,
  foreign key (clinic_id, appointment_id) references public.appointments (clinic_id, id) on delete set null (appointment_id)
);

-- At most one open request per client, pet and service; request_booking relies on this index.
create unique index booking_requests_one_open_idx on public.booking_requests (client_id, pet_id, service_id) where status = 'open';

create index booking_requests_clinic_status_idx on public.booking_requests (clinic_id, status, created_at);

alter table public.booking_requests enable row level security;

create trigger booking_requests_touch before update on public.booking_requests for each row execute function private.touch_updated_at();

-- Row level security and column grants --------------------------------------------------------------
grant select on public.services to anon, authenticated;

grant insert (clinic_id, name, duration_minutes, price_cents, buffer_before_minutes, buffer_after_minutes, bookable_online, instructions, active)
  on public.services to authenticated;

grant update (name, duration_minutes, price_cents, buffer_before_minutes, buffer_after_minutes, bookable_online, instructions, active)
  on public.services to authenticated;

grant delete on public.services to authenticated;

create policy "anyone can read services bookable online" on public.services
  for select to anon, authenticated using (bookable_online and active);

create policy "staff can read their clinic's services" on public.services
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "owners and admins can add services" on public.services
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can edit services" on public.services
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can delete unused services" on public.services
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

grant select on public.service_vets to anon, authenticated;

grant insert (clinic_id, service_id, vet_id) on public.service_vets to authenticated;

grant delete on public.service_vets to authenticated;

create policy "anyone can see who performs services bookable online" on public.service_vets
  for select to anon, authenticated
  using (exists (select 1 from public.services s where s.id = service_id and s.bookable_online and s.active));

create policy "staff can see who performs their clinic's services" on public.service_vets
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "owners and admins can assign vets to services" on public.service_vets
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can unassign vets from services" on public.service_vets
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

-- Schedules: staff of the clinic read them; owners/admins edit anyone's, a vet edits their own.
grant select, delete on public.vet_weekly_hours, public.vet_date_overrides, public.vet_time_off to authenticated;

grant insert (clinic_id, vet_id, weekday, start_time, end_time) on public.vet_weekly_hours to authenticated;

grant update (weekday, start_time, end_time) on public.vet_weekly_hours to authenticated;

grant insert (clinic_id, vet_id, on_date, kind, start_time, end_time, note) on public.vet_date_overrides to authenticated;

grant update (on_date, kind, start_time, end_time, note) on public.vet_date_overrides to authenticated;

grant insert (clinic_id, vet_id, period, reason) on public.vet_time_off to authenticated;

grant update (period, reason) on public.vet_time_off to authenticated;

create policy "staff can read their clinic's weekly hours" on public.vet_weekly_hours
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "admins or the vet can add weekly hours" on public.vet_weekly_hours
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can edit weekly hours" on public.vet_weekly_hours
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can delete weekly hours" on public.vet_weekly_hours
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "staff can read their clinic's date overrides" on public.vet_date_overrides
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "admins or the vet can add date overrides" on public.vet_date_overrides
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can edit date overrides" on public.vet_date_overrides
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can delete date overrides" on public.vet_date_overrides
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "staff can read their clinic's time off" on public.vet_time_off
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "admins or the vet can add time off" on public.vet_time_off
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can edit time off" on public.vet_time_off
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]) or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

create policy "admins or the vet can delete time off" on public.vet_time_off
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[])
    or (vet_id = private.current_user_id() and private.has_clinic_role(clinic_id)));

-- Booking rules are public (a booking page shows "book at least 2 hours ahead"); owners/admins edit them.
grant select on public.clinic_booking_rules to anon, authenticated;

grant insert (clinic_id, min_notice_minutes, max_days_ahead, slot_granularity_minutes, client_change_window_hours, require_confirmation)
  on public.clinic_booking_rules to authenticated;

grant update (min_notice_minutes, max_days_ahead, slot_granularity_minutes, client_change_window_hours, require_confirmation)
  on public.clinic_booking_rules to authenticated;

create policy "anyone can read a clinic's booking rules" on public.clinic_booking_rules
  for select to anon, authenticated using (true);

create policy "owners and admins can set booking rules" on public.clinic_booking_rules
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can edit booking rules" on public.clinic_booking_rules
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

-- Appointments and requests are written only through functions; staff may edit notes directly.
grant select on public.appointments to authenticated;

grant update (notes) on public.appointments to authenticated;

create policy "clients can read their own appointments" on public.appointments
  for select to authenticated using (private.is_own_client(client_id));

create policy "staff can read their clinic's appointments" on public.appointments
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "staff can edit notes on their clinic's appointments" on public.appointments
  for update to authenticated using (private.has_clinic_role(clinic_id)) with check (private.has_clinic_role(clinic_id));

grant select on public.booking_requests to authenticated;

create policy "clients can read their own booking requests" on public.booking_requests
  for select to authenticated using (private.is_own_client(client_id));

create policy "staff can read their clinic's booking requests" on public.booking_requests
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "receptionists can add weekly hours" on public.vet_weekly_hours
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can edit weekly hours" on public.vet_weekly_hours
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can delete weekly hours" on public.vet_weekly_hours
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can add date overrides" on public.vet_date_overrides
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can edit date overrides" on public.vet_date_overrides
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can delete date overrides" on public.vet_date_overrides
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can add time off" on public.vet_time_off
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can edit time off" on public.vet_time_off
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can delete time off" on public.vet_time_off
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
