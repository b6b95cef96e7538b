-- Why: invoices need the clinic's legal identity (legal name, tax id, address printed on every invoice),
-- whether its prices include tax (retail prices in much of Europe include VAT; the old platform always added
-- tax on top), and the tax rates the clinic defines (21%, 10%, 0%: a rate is basis points, so 0 stays 0 and
-- never falls back to a default). Every clinic gets its settings row when it is created (as in 201), so
-- readers join it without a fallback. Owners and admins edit both; staff read them; a client of the clinic
-- reads the legal details printed on their invoices.

create table public.clinic_billing_settings (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  prices_include_tax boolean not null default true,
  legal_name text check (legal_name is null or length(btrim(legal_name)) between 1 and 200),
  tax_id text check (tax_id is null or length(btrim(tax_id)) between 1 and 40),
  legal_address text check (legal_address is null or length(btrim(legal_address)) between 1 and 300),
  updated_at timestamptz not null default now()
);

alter table public.clinic_billing_settings enable row level security;

create trigger clinic_billing_settings_touch before update on public.clinic_billing_settings
  for each row execute function private.touch_updated_at();

create function private.create_clinic_billing_settings() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  insert into public.clinic_billing_settings (clinic_id) values (new.id);
  return null;
end
$$;
comment on function private.create_clinic_billing_settings() is 'After a clinic is inserted: its billing settings row with the column defaults.';
revoke all on function private.create_clinic_billing_settings() from public, anon, authenticated;

create trigger clinics_create_billing_settings after insert on public.clinics
  for each row execute function private.create_clinic_billing_settings();

insert into public.clinic_billing_settings (clinic_id) select id from public.clinics on conflict (clinic_id) do nothing;

-- Security definer: policies on billing tables ask whether the signed-in user has a client record in a clinic,
-- which must not re-enter the RLS of clients.
create function private.is_client_of_clinic(p_clinic_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.clients c where c.clinic_id = p_clinic_id and c.user_id = (select private.current_user_id())
  )
$$;
comment on function private.is_client_of_clinic(uuid) is 'True when the signed-in user has a client record in the clinic.';
revoke all on function private.is_client_of_clinic(uuid) from public, anon, authenticated;
grant execute on function private.is_client_of_clinic(uuid) to authenticated;

revoke all on table public.clinic_billing_settings from public, anon, authenticated;
grant select on public.clinic_billing_settings to authenticated;
grant update (prices_include_tax, legal_name, tax_id, legal_address) on public.clinic_billing_settings to authenticated;

create policy "staff and clients can read their clinic's billing details" on public.clinic_billing_settings
  for select to authenticated using (private.has_clinic_role(clinic_id) or private.is_client_of_clinic(clinic_id));

create policy "owners and admins can edit their clinic's billing details" on public.clinic_billing_settings
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create table public.tax_rates (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 60),
  -- 2100 = 21%; 0 is a real rate (exempt), never "unset"
  basis_points integer not null check (basis_points between 0 and 10000),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, name)
);

alter table public.tax_rates enable row level security;

revoke all on table public.tax_rates from public, anon, authenticated;
grant select on public.tax_rates to authenticated;
grant insert (clinic_id, name, basis_points) on public.tax_rates to authenticated;
-- the rate itself is never edited (issued invoices captured it, drafts would silently change): archive and add
grant update (name, archived_at) on public.tax_rates to authenticated;

create policy "staff and clients can read their clinic's tax rates" on public.tax_rates
  for select to authenticated using (private.has_clinic_role(clinic_id) or private.is_client_of_clinic(clinic_id));

create policy "owners and admins can add tax rates" on public.tax_rates
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create policy "owners and admins can rename or archive tax rates" on public.tax_rates
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));
