-- Why: the medical record. A visit belongs to a clinic and a pet, and at most once to an appointment
-- (checking in opens it; walk-ins open one directly). SOAP notes and diagnoses live in their own table,
-- visit_notes, so row-level security decides who reads them on every path: vets, owners and admins always,
-- receptionists only when the clinic allows it, clients never. Clients read a visit only through
-- list_shared_visit_summaries, which returns the summary and discharge instructions a vet chose to share.
-- A vet finalizes (signs) a visit; from then on triggers refuse every update or delete of the visit, its
-- notes, charges and weight, for every role including the table owner. Corrections are addenda, which are
-- append-only. Weights recorded at visits feed pet_weights, the history the chart draws.

alter table public.clinics add column receptionists_read_clinical_notes boolean not null default false;
comment on column public.clinics.receptionists_read_clinical_notes is 'When true, receptionists may read visits'' SOAP notes, diagnoses and addenda.';
grant update (receptionists_read_clinical_notes) on public.clinics to authenticated;

create function private.can_read_clinical_notes(p_clinic_id uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select private.has_clinic_role(p_clinic_id, array['owner', 'admin', 'vet']::public.staff_role[])
      or (private.has_clinic_role(p_clinic_id, array['receptionist']::public.staff_role[])
          and exists (select 1 from public.clinics c where c.id = p_clinic_id and c.receptionists_read_clinical_notes))
$$;
comment on function private.can_read_clinical_notes(uuid) is 'True when the signed-in user may read SOAP notes, diagnoses and addenda in the clinic: owners, admins and vets; receptionists when the clinic allows it.';
revoke all on function private.can_read_clinical_notes(uuid) from public, anon, authenticated;
grant execute on function private.can_read_clinical_notes(uuid) to authenticated;

create function private.is_clinician(p_clinic_id uuid) returns boolean
language sql stable
set search_path = ''
as $$ select private.has_clinic_role(p_clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]) $$;
comment on function private.is_clinician(uuid) is 'True when the signed-in user writes clinical records in the clinic (owner, admin or vet).';
revoke all on function private.is_clinician(uuid) from public, anon, authenticated;
grant execute on function private.is_clinician(uuid) to authenticated;

create table public.visits (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  pet_id uuid not null,
  appointment_id uuid,
  vet_id uuid references public.users (id) on delete set null,
  started_at timestamptz not null default now(),
  reason text check (reason is null or length(reason) <= 500),
  weight_grams integer check (weight_grams is null or weight_grams between 1 and 2000000),
  temperature_c numeric(4, 1) check (temperature_c is null or temperature_c between 25 and 45),
  heart_rate_bpm integer check (heart_rate_bpm is null or heart_rate_bpm between 10 and 400),
  respiratory_rate integer check (respiratory_rate is null or respiratory_rate between 2 and 200),
  summary text check (summary is null or length(summary) <= 4000),
  discharge_instructions text check (discharge_instructions is null or length(discharge_instructions) <= 4000),
  shared_with_client boolean not null default false,
  finalized_at timestamptz,
  finalized_by uuid references public.users (id) on delete set null,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (finalized_by is null or finalized_at is not null),
  unique (clinic_id, id),
  unique (clinic_id, pet_id, id),
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id),
  foreign key (clinic_id, appointment_id) references public.appointments (clinic_id, id)
);

-- At most one visit per appointment: open_visit locks the appointment first; this index is the backstop.
create unique index visits_one_per_appointment on public.visits (appointment_id) where appointment_id is not null;
create index visits_pet_started_idx on public.visits (pet_id, started_at desc);
create index visits_clinic_started_idx on public.visits (clinic_id, started_at desc);

alter table public.visits enable row level security;

create trigger visits_touch before update on public.visits for each row execute function private.touch_updated_at();

create table public.visit_notes (
  visit_id uuid primary key,
  clinic_id uuid not null,
  subjective text check (subjective is null or length(subjective) <= 10000),
  objective text check (objective is null or length(objective) <= 10000),
  assessment text check (assessment is null or length(assessment) <= 10000),
  plan text check (plan is null or length(plan) <= 10000),
  diagnoses text[] not null default '{}' check (cardinality(diagnoses) <= 20 and array_position(diagnoses, null) is null),
  updated_at timestamptz not null default now(),
  foreign key (clinic_id, visit_id) references public.visits (clinic_id, id)
);

alter table public.visit_notes enable row level security;

create trigger visit_notes_touch before update on public.visit_notes for each row execute function private.touch_updated_at();

create type public.visit_charge_kind as enum ('service', 'product', 'other');

create table public.visit_charges (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  visit_id uuid not null,
  kind public.visit_charge_kind not null,
  description text not null check (length(btrim(description)) between 1 and 200),
  service_id uuid,
  quantity integer not null default 1 check (quantity between 1 and 10000),
  unit_price_cents integer not null check (unit_price_cents between 0 and 100000000),
  created_by uuid references public.users (id) on delete set null default private.current_user_id(),
  created_at timestamptz not null default now(),
  check ((kind = 'service') = (service_id is not null)),
  foreign key (clinic_id, visit_id) references public.visits (clinic_id, id),
  foreign key (clinic_id, service_id) references public.services (clinic_id, id)
);

create index visit_charges_visit_idx on public.visit_charges (visit_id, created_at);

alter table public.visit_charges enable row level security;

create table public.pet_weights (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  pet_id uuid not null,
  visit_id uuid unique,
  weight_grams integer not null check (weight_grams between 1 and 2000000),
  measured_at timestamptz not null default now(),
  recorded_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id),
  -- a weight taken at a visit is the weight of that visit's pet
  foreign key (clinic_id, pet_id, visit_id) references public.visits (clinic_id, pet_id, id)
);

create index pet_weights_pet_measured_idx on public.pet_weights (pet_id, measured_at);

alter table public.pet_weights enable row level security;

create table public.visit_addenda (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  visit_id uuid not null,
  body text not null check (length(btrim(body)) between 1 and 4000),
  author_id uuid references public.users (id) on delete set null default private.current_user_id(),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, visit_id) references public.visits (clinic_id, id)
);

create index visit_addenda_visit_idx on public.visit_addenda (visit_id, created_at);

alter table public.visit_addenda enable row level security;

-- Guards ---------------------------------------------------------------------------------------------------

create function private.guard_finalized_visit() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Every writer, the table owner included: a signed record changes only through addenda.
  if old.finalized_at is not null then
    raise exception 'visit_finalized' using errcode = 'VT409',
      detail = 'This visit is finalized and can no longer be changed; add an addendum instead.';
  end if;
  return case tg_op when 'DELETE' then old else new end;
end
$$;
comment on function private.guard_finalized_visit() is 'Trigger: refuses any update or delete of a finalized visit, for every role.';
revoke all on function private.guard_finalized_visit() from public, anon, authenticated;

create trigger visits_guard_finalized before update or delete on public.visits
  for each row execute function private.guard_finalized_visit();

-- Security definer: it must lock the parent visit (FOR SHARE, so a concurrent finalize waits or is waited
-- for) whatever the writer's own update privileges on visits are.
create function private.guard_open_visit() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_ids uuid[];
  v_clinics uuid[];
begin
  if tg_op in ('UPDATE', 'DELETE') then v_ids := array[old.visit_id]; v_clinics := array[old.clinic_id]; end if;
  if tg_op in ('INSERT', 'UPDATE') then v_ids := v_ids || new.visit_id; v_clinics := v_clinics || new.clinic_id; end if;
  -- Matched on the clinic too, so a write naming another clinic's visit meets the foreign key (not found),
  -- never an answer about that visit.
  -- Lock first, then look: FOR SHARE waits for a signature in progress, but a row filtered out by
  -- "finalized_at is not null" in the same query would never be locked (its old version does not match).
  perform 1 from public.visits v where v.id = any (v_ids) and v.clinic_id = any (v_clinics) for share of v;
  if exists (select 1 from public.visits v where v.id = any (v_ids) and v.clinic_id = any (v_clinics)
             and v.finalized_at is not null) then
    raise exception 'visit_finalized' using errcode = 'VT409',
      detail = 'This visit is finalized and can no longer be changed; add an addendum instead.';
  end if;
  return case tg_op when 'DELETE' then old else new end;
end
$$;
comment on function private.guard_open_visit() is 'Trigger on a visit''s notes, charges and weight: refuses any insert, update or delete once the visit is finalized, for every role.';
revoke all on function private.guard_open_visit() from public, anon, authenticated;

create trigger visit_notes_guard_open before insert or update or delete on public.visit_notes
  for each row execute function private.guard_open_visit();
create trigger visit_charges_guard_open before insert or update or delete on public.visit_charges
  for each row execute function private.guard_open_visit();
create trigger pet_weights_guard_open before insert or update or delete on public.pet_weights
  for each row execute function private.guard_open_visit();

create function private.guard_addendum() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_finalized_at timestamptz;
begin
  if tg_op <> 'INSERT' then
    raise exception 'addenda_append_only' using errcode = 'VT409', detail = 'Addenda are never changed or deleted.';
  end if;
  select v.finalized_at into v_finalized_at from public.visits v
  where v.id = new.visit_id and v.clinic_id = new.clinic_id for share of v;
  -- no such visit in that clinic: the foreign key answers (not found), never this trigger
  if not found then return new; end if;
  if v_finalized_at is null then
    raise exception 'visit_not_finalized' using errcode = 'VT409', column = 'visit_id',
      detail = 'Edit the visit itself until it is finalized; addenda are for signed visits.';
  end if;
  new.author_id := private.current_user_id();
  new.created_at := now();
  return new;
end
$$;
comment on function private.guard_addendum() is 'Trigger: addenda are append-only (no update, no delete, for every role) and only for finalized visits; author and time come from the session and the clock.';
revoke all on function private.guard_addendum() from public, anon, authenticated;

create trigger visit_addenda_guard before insert or update or delete on public.visit_addenda
  for each row execute function private.guard_addendum();

create function private.price_visit_charge() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_service public.services;
begin
  -- The price of a service comes from the service row, never from the request.
  if new.service_id is not null then
    select * into v_service from public.services s where s.id = new.service_id and s.clinic_id = new.clinic_id;
    if not found then
      raise exception 'service_not_found' using errcode = 'VT404', column = 'service_id', detail = 'No such service in this clinic.';
    end if;
    new.unit_price_cents := v_service.price_cents;
    new.description := coalesce(nullif(btrim(new.description), ''), v_service.name);
  end if;
  return new;
end
$$;
comment on function private.price_visit_charge() is 'Trigger: a service charge takes its unit price (and, if blank, its description) from the service.';
revoke all on function private.price_visit_charge() from public, anon, authenticated;

create trigger visit_charges_price before insert on public.visit_charges
  for each row execute function private.price_visit_charge();

-- Security definer: users have no write grant on pet_weights; the history is written only from visits.
create function private.record_visit_weight() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  if new.weight_grams is null then
    delete from public.pet_weights w where w.visit_id = new.id;
    return null;
  end if;
  insert into public.pet_weights (clinic_id, pet_id, visit_id, weight_grams, measured_at, recorded_by)
  values (new.clinic_id, new.pet_id, new.id, new.weight_grams, new.started_at, private.current_user_id())
  on conflict (visit_id) do update set weight_grams = excluded.weight_grams, recorded_by = excluded.recorded_by;
  -- The pet's current weight is its latest measurement.
  update public.pets p set weight_grams = new.weight_grams
  where p.id = new.pet_id
    and not exists (select 1 from public.pet_weights w where w.pet_id = new.pet_id and w.measured_at > new.started_at);
  return null;
end
$$;
comment on function private.record_visit_weight() is 'Trigger: a visit''s weight is its row in pet_weights (inserted, updated or removed with it) and, when it is the latest, the pet''s current weight.';
revoke all on function private.record_visit_weight() from public, anon, authenticated;

create trigger visits_record_weight after insert or update of weight_grams on public.visits
  for each row execute function private.record_visit_weight();

-- Row level security and grants ----------------------------------------------------------------------------
-- Visits, charges and weights: every staff member of the clinic reads them (the front desk bills and weighs).
-- Notes and addenda: private.can_read_clinical_notes. Writes: clinicians (owner, admin, vet); opening and
-- finalizing go through functions. Clients have no policy on any of these tables.

revoke all on table public.visits, public.visit_notes, public.visit_charges, public.pet_weights, public.visit_addenda
  from public, anon, authenticated;

grant select on public.visits to authenticated;
grant update (reason, weight_grams, temperature_c, heart_rate_bpm, respiratory_rate, summary, discharge_instructions,
  shared_with_client) on public.visits to authenticated;

create policy "staff can read their clinic's visits" on public.visits
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clinicians can edit their clinic's visits" on public.visits
  for update to authenticated using (private.is_clinician(clinic_id)) with check (private.is_clinician(clinic_id));

grant select on public.visit_notes to authenticated;
grant update (subjective, objective, assessment, plan, diagnoses) on public.visit_notes to authenticated;

create policy "clinical readers can read their clinic's visit notes" on public.visit_notes
  for select to authenticated using (private.can_read_clinical_notes(clinic_id));
create policy "clinicians can edit their clinic's visit notes" on public.visit_notes
  for update to authenticated using (private.is_clinician(clinic_id)) with check (private.is_clinician(clinic_id));

grant select, delete on public.visit_charges to authenticated;
grant insert (clinic_id, visit_id, kind, description, service_id, quantity, unit_price_cents) on public.visit_charges to authenticated;

create policy "staff can read their clinic's visit charges" on public.visit_charges
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clinicians can add visit charges" on public.visit_charges
  for insert to authenticated with check (private.is_clinician(clinic_id));
create policy "clinicians can remove visit charges" on public.visit_charges
  for delete to authenticated using (private.is_clinician(clinic_id));

grant select on public.pet_weights to authenticated;

create policy "staff can read their clinic's pet weights" on public.pet_weights
  for select to authenticated using (private.has_clinic_role(clinic_id));

grant select on public.visit_addenda to authenticated;
grant insert (clinic_id, visit_id, body) on public.visit_addenda to authenticated;

create policy "clinical readers can read their clinic's addenda" on public.visit_addenda
  for select to authenticated using (private.can_read_clinical_notes(clinic_id));
create policy "clinicians can add addenda" on public.visit_addenda
  for insert to authenticated with check (private.is_clinician(clinic_id));

-- Functions ------------------------------------------------------------------------------------------------

-- Security definer: any staff member (the front desk too) checks a patient in, which writes the visit and its
-- empty notes row, and moves the appointment to checked_in; none of them has insert on these tables.
create function private.open_visit(p_clinic_id uuid, p_pet_id uuid, p_appointment_id uuid, p_reason text)
returns public.visits
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id);
  v_appointment public.appointments;
  v_pet public.pets;
  v_visit public.visits;
begin
  if p_appointment_id is not null then
    -- The appointment's row lock serializes concurrent check-ins of it: the second finds the first's visit.
    select * into v_appointment from public.appointments a
    where a.id = p_appointment_id and a.clinic_id = p_clinic_id for update;
    if not found then
      raise exception 'appointment_not_found' using errcode = 'VT404', column = 'appointment_id', detail = 'No such appointment in this clinic.';
    end if;
    if p_pet_id is not null and p_pet_id <> v_appointment.pet_id then
      raise exception 'pet_mismatch' using errcode = 'VT422', column = 'pet_id', detail = 'That appointment is for another pet.';
    end if;
    select * into v_visit from public.visits v where v.appointment_id = p_appointment_id;
    if found then return v_visit; end if;
    if v_appointment.status not in ('confirmed', 'checked_in', 'in_progress', 'completed') then
      raise exception 'appointment_not_open' using errcode = 'VT409', column = 'appointment_id',
        detail = pg_catalog.format('An appointment that is %s cannot be checked in.', v_appointment.status);
    end if;
    if v_appointment.status = 'confirmed' then
      update public.appointments set status = 'checked_in' where id = p_appointment_id;
    end if;
    insert into public.visits (clinic_id, pet_id, appointment_id, vet_id, reason, created_by)
    values (p_clinic_id, v_appointment.pet_id, p_appointment_id, v_appointment.vet_id,
      coalesce(nullif(btrim(p_reason), ''), (select s.name from public.services s where s.id = v_appointment.service_id)), v_user_id)
    returning * into v_visit;
  else
    select * into v_pet from public.pets p where p.id = p_pet_id and p.clinic_id = p_clinic_id and p.archived_at is null;
    if not found then
      raise exception 'pet_not_found' using errcode = 'VT404', column = 'pet_id', detail = 'No such pet in this clinic.';
    end if;
    insert into public.visits (clinic_id, pet_id, vet_id, reason, created_by)
    values (p_clinic_id, p_pet_id, case when private.is_clinician(p_clinic_id) then v_user_id end,
      nullif(btrim(p_reason), ''), v_user_id)
    returning * into v_visit;
  end if;
  insert into public.visit_notes (visit_id, clinic_id) values (v_visit.id, p_clinic_id);
  return v_visit;
end
$$;
comment on function private.open_visit(uuid, uuid, uuid, text) is 'Security definer body of public.open_visit.';
revoke all on function private.open_visit(uuid, uuid, uuid, text) from public, anon, authenticated;
grant execute on function private.open_visit(uuid, uuid, uuid, text) to authenticated;

create function public.open_visit(p_clinic_id uuid, p_pet_id uuid default null, p_appointment_id uuid default null,
  p_reason text default null)
returns setof public.visits
language sql
set search_path = ''
as $$ select * from private.open_visit(p_clinic_id, p_pet_id, p_appointment_id, p_reason) $$;
comment on function public.open_visit(uuid, uuid, uuid, text) is 'Staff open a visit: for an appointment (checks it in; repeating returns the same visit, at most one per appointment) or a walk-in for a pet. The visit row has no clinical notes.';
revoke all on function public.open_visit(uuid, uuid, uuid, text) from public, anon, authenticated;
grant execute on function public.open_visit(uuid, uuid, uuid, text) to authenticated;

-- Security definer: finalized_at and finalized_by are not granted to anyone; this is the only path that sets
-- them, and it completes the visit's appointment (whose status users cannot write directly).
create function private.finalize_visit(p_visit_id uuid) returns public.visits
language plpgsql security definer
set search_path = ''
as $$
declare
  v_visit public.visits;
  v_user_id uuid;
begin
  select * into v_visit from public.visits v where v.id = p_visit_id for update;
  if not found or not private.has_clinic_role(v_visit.clinic_id) then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such visit.';
  end if;
  v_user_id := private.require_clinic_role(v_visit.clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]);
  if v_visit.finalized_at is not null then return v_visit; end if;
  update public.visits set finalized_at = now(), finalized_by = v_user_id where id = p_visit_id returning * into v_visit;
  if v_visit.appointment_id is not null then
    update public.appointments set status = 'in_progress' where id = v_visit.appointment_id and status = 'checked_in';
    update public.appointments set status = 'completed' where id = v_visit.appointment_id and status = 'in_progress';
  end if;
  return v_visit;
end
$$;
comment on function private.finalize_visit(uuid) is 'Security definer body of public.finalize_visit.';
revoke all on function private.finalize_visit(uuid) from public, anon, authenticated;
grant execute on function private.finalize_visit(uuid) to authenticated;

create function public.finalize_visit(p_visit_id uuid) returns setof public.visits
language sql
set search_path = ''
as $$ select * from private.finalize_visit(p_visit_id) $$;
comment on function public.finalize_visit(uuid) is 'A clinician signs the visit: from then on it, its notes, charges and weight are frozen (addenda only). Repeating is a no-op; the visit''s appointment becomes completed.';
revoke all on function public.finalize_visit(uuid) from public, anon, authenticated;
grant execute on function public.finalize_visit(uuid) to authenticated;

-- Security definer: clients have no policy on visits. This returns the only visit fields a client may ever
-- see, for their own pets: the shared summary and discharge instructions of signed visits.
create function private.list_shared_visit_summaries(p_clinic_id uuid, p_pet_id uuid)
returns table (visit_id uuid, started_at timestamptz, vet_name text, summary text, discharge_instructions text)
language sql stable security definer
set search_path = ''
as $$
  select v.id, v.started_at, u.name, v.summary, v.discharge_instructions
  from public.visits v
  join public.pets p on p.id = v.pet_id
  left join public.users u on u.id = v.vet_id
  where v.clinic_id = p_clinic_id and v.pet_id = p_pet_id
    and v.finalized_at is not null and v.shared_with_client
    and (private.is_own_client(p.client_id) or private.has_clinic_role(p_clinic_id))
  order by v.started_at desc
$$;
comment on function private.list_shared_visit_summaries(uuid, uuid) is 'Security definer body of public.list_shared_visit_summaries.';
revoke all on function private.list_shared_visit_summaries(uuid, uuid) from public, anon, authenticated;
grant execute on function private.list_shared_visit_summaries(uuid, uuid) to authenticated;

create function public.list_shared_visit_summaries(p_clinic_id uuid, p_pet_id uuid)
returns table (visit_id uuid, started_at timestamptz, vet_name text, summary text, discharge_instructions text)
language sql stable
set search_path = ''
as $$ select * from private.list_shared_visit_summaries(p_clinic_id, p_pet_id) $$;
comment on function public.list_shared_visit_summaries(uuid, uuid) is 'The client-shaped view of a pet''s visits: date, vet, summary and discharge instructions of finalized visits a vet shared; for the pet''s owner (and the clinic''s staff). Never SOAP notes, diagnoses, charges or addenda.';
revoke all on function public.list_shared_visit_summaries(uuid, uuid) from public, anon, authenticated;
grant execute on function public.list_shared_visit_summaries(uuid, uuid) to authenticated;
