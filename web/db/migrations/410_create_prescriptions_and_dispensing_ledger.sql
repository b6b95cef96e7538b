-- Why: a vet prescribes a medication for a pet, and every dispensing against it is a line in a ledger that
-- is kept at least 5 years and never changed or deleted (a trigger refuses update, delete and truncate; a
-- future erasure anonymises the owner's client record, never these lines). What remains to dispense is a
-- column on the prescription, decremented by one function under the prescription's row lock, with a check
-- constraint as the second guard: concurrent dispensings can never take more than remains.
-- Design notes: product_id is the Store issue's catalog product (nullable, no foreign key until that table
-- exists); order_id on a ledger line is the store order it was dispensed for (no foreign key yet); a
-- nullable visit_id can be added when visits land. Writes go only through the functions below; staff read
-- through RLS; clients read a shaped view of their own pets' active prescriptions through a function.

create table public.prescriptions (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete restrict,
  pet_id uuid not null,
  prescribed_by uuid not null references public.users (id) on delete restrict,
  -- Names as they were when written: a record keeps who signed it even after they leave the team, and staff
  -- cannot read other people's user rows.
  prescriber_name text not null,
  product_id uuid,
  medication text not null check (length(btrim(medication)) between 1 and 200),
  dose text not null check (length(btrim(dose)) between 1 and 200),
  directions text not null check (length(btrim(directions)) between 1 and 2000),
  unit text not null default 'units' check (length(btrim(unit)) between 1 and 30),
  quantity_per_fill integer not null check (quantity_per_fill between 1 and 100000),
  refills integer not null check (refills between 0 and 50),
  quantity_remaining integer not null,
  expires_on date not null,
  status text not null default 'active' check (status in ('active', 'exhausted', 'cancelled')),
  prescribed_at timestamptz not null default now(),
  cancelled_at timestamptz,
  cancelled_by uuid references public.users (id) on delete restrict,
  cancel_reason text check (cancel_reason is null or length(btrim(cancel_reason)) between 1 and 500),
  updated_at timestamptz not null default now(),
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id) on delete restrict,
  unique (clinic_id, id),
  -- The over-dispensing guard that holds even if a future function forgets the row lock.
  constraint prescriptions_remaining_within_total
    check (quantity_remaining between 0 and quantity_per_fill * (refills + 1)),
  constraint prescriptions_cancel_has_reason
    check ((status = 'cancelled') = (cancelled_at is not null and cancel_reason is not null and cancelled_by is not null)),
  constraint prescriptions_exhausted_means_nothing_left check (status <> 'exhausted' or quantity_remaining = 0)
);

comment on column public.prescriptions.product_id is 'The Store catalog product, when prescribed from the catalog (foreign key added by the Store issue).';

create index prescriptions_pet_idx on public.prescriptions (clinic_id, pet_id, prescribed_at desc);

alter table public.prescriptions enable row level security;

create trigger prescriptions_touch before update on public.prescriptions for each row execute function private.touch_updated_at();

revoke all on table public.prescriptions from public, anon, authenticated;
grant select on public.prescriptions to authenticated;

create policy "staff can read their clinic's prescriptions" on public.prescriptions
  for select to authenticated using (private.has_clinic_role(clinic_id));

create table public.prescription_dispensings (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete restrict,
  prescription_id uuid not null,
  dispensed_at timestamptz not null default now(),
  quantity integer not null check (quantity between 1 and 100000),
  batch text check (batch is null or length(btrim(batch)) between 1 and 80),
  dispensed_by uuid not null references public.users (id) on delete restrict,
  dispensed_by_name text not null,
  order_id uuid,
  remaining_after integer not null check (remaining_after >= 0),
  foreign key (clinic_id, prescription_id) references public.prescriptions (clinic_id, id) on delete restrict
);

comment on table public.prescription_dispensings is 'Dispensing ledger: append-only, kept at least 5 years, never updated or deleted (trigger).';
comment on column public.prescription_dispensings.order_id is 'The store order this was dispensed for, if any (foreign key added by the Store issue).';

create index prescription_dispensings_rx_idx on public.prescription_dispensings (prescription_id, dispensed_at);

create index prescription_dispensings_clinic_idx on public.prescription_dispensings (clinic_id, dispensed_at desc);

alter table public.prescription_dispensings enable row level security;

revoke all on table public.prescription_dispensings from public, anon, authenticated;
grant select on public.prescription_dispensings to authenticated;

create policy "staff can read their clinic's dispensing ledger" on public.prescription_dispensings
  for select to authenticated using (private.has_clinic_role(clinic_id));

create function private.refuse_ledger_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- Regulators require the dispensing record for years; corrections are new lines, never edits.
  raise exception 'ledger_is_append_only' using errcode = 'VT409', detail = 'Dispensing records are never changed or deleted.';
end
$$;
comment on function private.refuse_ledger_change() is 'Trigger: refuses any update, delete or truncate of the dispensing ledger.';
revoke all on function private.refuse_ledger_change() from public, anon, authenticated;

create trigger prescription_dispensings_append_only before update or delete on public.prescription_dispensings
  for each row execute function private.refuse_ledger_change();

create trigger prescription_dispensings_no_truncate before truncate on public.prescription_dispensings
  for each statement execute function private.refuse_ledger_change();

-- The clinic's local date (prescriptions expire at the end of their day in the clinic's zone).
create function private.clinic_today(p_clinic_id uuid) returns date
language sql stable
set search_path = ''
as $$ select (now() at time zone c.time_zone)::date from public.clinics c where c.id = p_clinic_id $$;
comment on function private.clinic_today(uuid) is 'Today''s date in the clinic''s time zone.';
revoke all on function private.clinic_today(uuid) from public, anon, authenticated;
grant execute on function private.clinic_today(uuid) to authenticated;

-- Security definer: users have no insert grant; only vets prescribe, as themselves.
create function private.create_prescription(
  p_clinic_id uuid, p_pet_id uuid, p_medication text, p_dose text, p_directions text, p_unit text,
  p_quantity_per_fill integer, p_refills integer, p_expires_on date
) returns public.prescriptions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_vet uuid := private.require_clinic_role(p_clinic_id, array['vet']::public.staff_role[]);
  v_rx public.prescriptions;
begin
  if not exists (select 1 from public.pets p where p.id = p_pet_id and p.clinic_id = p_clinic_id and p.archived_at is null) then
    raise exception 'not_found' using errcode = 'VT404', column = 'pet_id', detail = 'No such pet in this clinic.';
  end if;
  if p_expires_on is null or p_expires_on <= private.clinic_today(p_clinic_id) then
    raise exception 'expiry_not_in_future' using errcode = 'VT422', column = 'expires_on', detail = 'The expiry date must be after today.';
  end if;
  insert into public.prescriptions (clinic_id, pet_id, prescribed_by, prescriber_name, medication, dose, directions, unit,
                                    quantity_per_fill, refills, quantity_remaining, expires_on)
  values (p_clinic_id, p_pet_id, v_vet, (select u.name from public.users u where u.id = v_vet), btrim(p_medication), btrim(p_dose), btrim(p_directions), coalesce(nullif(btrim(p_unit), ''), 'units'),
          p_quantity_per_fill, p_refills, p_quantity_per_fill * (p_refills + 1), p_expires_on)
  returning * into v_rx;
  return v_rx;
end
$$;
revoke all on function private.create_prescription(uuid,uuid,text,text,text,text,integer,integer,date) from public, anon, authenticated;
grant execute on function private.create_prescription(uuid,uuid,text,text,text,text,integer,integer,date) to authenticated;

create function public.create_prescription(
  p_clinic_id uuid, p_pet_id uuid, p_medication text, p_dose text, p_directions text, p_unit text,
  p_quantity_per_fill integer, p_refills integer, p_expires_on date
) returns setof public.prescriptions
language sql
set search_path = ''
as $$ select * from private.create_prescription(p_clinic_id, p_pet_id, p_medication, p_dose, p_directions, p_unit, p_quantity_per_fill, p_refills, p_expires_on) $$;
comment on function public.create_prescription(uuid,uuid,text,text,text,text,integer,integer,date) is 'A vet of the clinic prescribes for a pet of the clinic; the whole quantity (per fill times 1 + refills) remains.';
revoke all on function public.create_prescription(uuid,uuid,text,text,text,text,integer,integer,date) from public, anon, authenticated;
grant execute on function public.create_prescription(uuid,uuid,text,text,text,text,integer,integer,date) to authenticated;

-- Security definer: users cannot write the ledger. The row lock serialises dispensings of one
-- prescription, so the remaining quantity read here is the one the update writes; the check constraint
-- on quantity_remaining is the second guard. The dispensing person is the session's user, never a parameter.
create function private.dispense_prescription(
  p_prescription_id uuid, p_quantity integer, p_batch text, p_order_id uuid
) returns public.prescription_dispensings
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rx public.prescriptions;
  v_user uuid;
  v_line public.prescription_dispensings;
begin
  select * into v_rx from public.prescriptions where id = p_prescription_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such prescription.';
  end if;
  v_user := private.require_clinic_role(v_rx.clinic_id);
  if v_rx.status = 'cancelled' then
    raise exception 'prescription_cancelled' using errcode = 'VT409', detail = 'This prescription was cancelled.';
  end if;
  if v_rx.status = 'exhausted' or v_rx.quantity_remaining = 0 then
    raise exception 'prescription_exhausted' using errcode = 'VT409', column = 'quantity', detail = 'Nothing remains on this prescription.';
  end if;
  if v_rx.expires_on < private.clinic_today(v_rx.clinic_id) then
    raise exception 'prescription_expired' using errcode = 'VT409', detail = 'This prescription has expired.';
  end if;
  if p_quantity is null or p_quantity < 1 or p_quantity > v_rx.quantity_per_fill then
    raise exception 'quantity_exceeds_fill' using errcode = 'VT422', column = 'quantity',
      detail = format('Dispense between 1 and %s per fill.', v_rx.quantity_per_fill);
  end if;
  if p_quantity > v_rx.quantity_remaining then
    raise exception 'quantity_exceeds_remaining' using errcode = 'VT409', column = 'quantity',
      detail = format('Only %s remain on this prescription.', v_rx.quantity_remaining);
  end if;
  update public.prescriptions
     set quantity_remaining = quantity_remaining - p_quantity,
         status = case when quantity_remaining - p_quantity = 0 then 'exhausted' else status end
   where id = v_rx.id
  returning * into v_rx;
  insert into public.prescription_dispensings (clinic_id, prescription_id, quantity, batch, dispensed_by, dispensed_by_name, order_id, remaining_after)
  values (v_rx.clinic_id, v_rx.id, p_quantity, nullif(btrim(p_batch), ''), v_user, (select u.name from public.users u where u.id = v_user),
          p_order_id, v_rx.quantity_remaining)
  returning * into v_line;
  return v_line;
end
$$;
revoke all on function private.dispense_prescription(uuid,integer,text,uuid) from public, anon, authenticated;
grant execute on function private.dispense_prescription(uuid,integer,text,uuid) to authenticated;

create function public.dispense_prescription(
  p_prescription_id uuid, p_quantity integer, p_batch text default null, p_order_id uuid default null
) returns setof public.prescription_dispensings
language sql
set search_path = ''
as $$ select * from private.dispense_prescription(p_prescription_id, p_quantity, p_batch, p_order_id) $$;
comment on function public.dispense_prescription(uuid,integer,text,uuid) is 'Staff dispense up to one fill from an active prescription: one ledger line, the remaining quantity decremented under the row lock.';
revoke all on function public.dispense_prescription(uuid,integer,text,uuid) from public, anon, authenticated;
grant execute on function public.dispense_prescription(uuid,integer,text,uuid) to authenticated;

create function private.cancel_prescription(p_prescription_id uuid, p_reason text) returns public.prescriptions
language plpgsql security definer
set search_path = ''
as $$
declare
  v_rx public.prescriptions;
  v_vet uuid;
begin
  select * into v_rx from public.prescriptions where id = p_prescription_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such prescription.';
  end if;
  v_vet := private.require_clinic_role(v_rx.clinic_id, array['vet']::public.staff_role[]);
  if p_reason is null or length(btrim(p_reason)) = 0 then
    raise exception 'reason_required' using errcode = 'VT422', column = 'reason', detail = 'Say why the prescription is cancelled.';
  end if;
  if v_rx.status = 'cancelled' then
    raise exception 'prescription_cancelled' using errcode = 'VT409', detail = 'This prescription was already cancelled.';
  end if;
  update public.prescriptions
     set status = 'cancelled', cancelled_at = now(), cancelled_by = v_vet, cancel_reason = left(btrim(p_reason), 500),
         quantity_remaining = 0
   where id = v_rx.id
  returning * into v_rx;
  return v_rx;
end
$$;
revoke all on function private.cancel_prescription(uuid,text) from public, anon, authenticated;
grant execute on function private.cancel_prescription(uuid,text) to authenticated;

create function public.cancel_prescription(p_prescription_id uuid, p_reason text) returns setof public.prescriptions
language sql
set search_path = ''
as $$ select * from private.cancel_prescription(p_prescription_id, p_reason) $$;
comment on function public.cancel_prescription(uuid,text) is 'A vet of the clinic cancels a prescription with a reason; nothing more can be dispensed from it.';
revoke all on function public.cancel_prescription(uuid,text) from public, anon, authenticated;
grant execute on function public.cancel_prescription(uuid,text) to authenticated;

-- Security definer: clients have no read policy on prescriptions; this returns only their own pets'
-- prescriptions that can still be dispensed, with the fields a client may see.
create function private.list_my_pet_prescriptions(p_clinic_id uuid)
returns table (id uuid, pet_id uuid, pet_name text, medication text, dose text, directions text, unit text,
               quantity_per_fill integer, quantity_remaining integer, refills_left integer, expires_on date, vet_name text)
language sql stable security definer
set search_path = ''
as $$
  select r.id, r.pet_id, p.name, r.medication, r.dose, r.directions, r.unit, r.quantity_per_fill, r.quantity_remaining,
         greatest(ceil(r.quantity_remaining::numeric / r.quantity_per_fill)::integer - 1, 0), r.expires_on, r.prescriber_name
  from public.prescriptions r
  join public.pets p on p.id = r.pet_id and p.clinic_id = r.clinic_id
  join public.clients c on c.id = p.client_id
  where r.clinic_id = p_clinic_id and c.user_id = (select private.current_user_id())
    and r.status = 'active' and r.quantity_remaining > 0 and r.expires_on >= private.clinic_today(r.clinic_id)
  order by p.name, r.prescribed_at desc
$$;
revoke all on function private.list_my_pet_prescriptions(uuid) from public, anon, authenticated;
grant execute on function private.list_my_pet_prescriptions(uuid) to authenticated;

create function public.list_my_pet_prescriptions(p_clinic_id uuid)
returns table (id uuid, pet_id uuid, pet_name text, medication text, dose text, directions text, unit text,
               quantity_per_fill integer, quantity_remaining integer, refills_left integer, expires_on date, vet_name text)
language sql stable
set search_path = ''
as $$ select * from private.list_my_pet_prescriptions(p_clinic_id) $$;
comment on function public.list_my_pet_prescriptions(uuid) is 'The signed-in client''s pets'' active prescriptions in the clinic, with refills left (client-shaped).';
revoke all on function public.list_my_pet_prescriptions(uuid) from public, anon, authenticated;
grant execute on function public.list_my_pet_prescriptions(uuid) to authenticated;
