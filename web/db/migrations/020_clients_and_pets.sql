-- Why: clients are people a clinic serves, with or without a login; pets belong to a client of the same
-- clinic (composite foreign key, so a pet can never point into another tenant). Clients manage their own
-- records; staff manage all of their clinic's. Column grants keep identity columns out of users' reach.
-- Matching a client record to a login by email uses citext's operator by name (see 010_clinics.sql).

create table public.clients (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid references public.users (id) on delete set null,
  full_name text not null check (length(btrim(full_name)) between 1 and 120),
  email extensions.citext check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or phone ~ '^\+?[0-9 ()-]{5,32}$'),
  locale text check (locale is null or locale in ('en', 'es')),
  preferred_channel text not null default 'email' check (preferred_channel in ('email', 'sms')),
  email_reminders boolean not null default true,
  sms_reminders boolean not null default false,
  marketing_opt_in boolean not null default false,
  address text check (address is null or length(address) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, user_id)
);

create index clients_clinic_name_idx on public.clients (clinic_id, full_name);

create unique index clients_clinic_email_key on public.clients (clinic_id, email) where email is not null;

alter table public.clients enable row level security;

create trigger clients_touch before update on public.clients for each row execute function private.touch_updated_at();

create type public.pet_sex as enum ('male', 'female', 'male_neutered', 'female_spayed', 'unknown');

create table public.pets (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  species text not null check (species in ('dog', 'cat', 'rabbit', 'bird', 'reptile', 'rodent', 'ferret', 'horse', 'other')),
  breed text check (breed is null or length(breed) <= 80),
  sex public.pet_sex not null default 'unknown',
  birth_date date check (birth_date is null or birth_date > date '1950-01-01'),
  weight_grams integer check (weight_grams is null or weight_grams between 1 and 2000000),
  microchip text check (microchip is null or microchip ~ '^[0-9A-Za-z]{9,20}$'),
  notes text check (notes is null or length(notes) <= 4000),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (clinic_id, client_id) references public.clients (clinic_id, id) on delete cascade,
  unique (clinic_id, id),
  unique (clinic_id, microchip)
);

create index pets_client_idx on public.pets (client_id);

alter table public.pets enable row level security;

create trigger pets_touch before update on public.pets for each row execute function private.touch_updated_at();

-- Security definer: a policy on pets must look up client rows without re-entering clients' RLS.
create function private.is_own_client(p_client_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (select 1 from public.clients c where c.id = p_client_id and c.user_id = private.current_user_id())
$$;
comment on function private.is_own_client(uuid) is 'True when the client record belongs to the signed-in user.';
revoke all on function private.is_own_client(uuid) from public;
grant execute on function private.is_own_client(uuid) to authenticated;

grant select on public.clients to authenticated;

grant insert (clinic_id, full_name, email, phone, locale, preferred_channel, email_reminders, sms_reminders, marketing_opt_in, address)
  on public.clients to authenticated;

grant update (full_name, phone, locale, preferred_channel, email_reminders, sms_reminders, marketing_opt_in, address)
  on public.clients to authenticated;

create policy "clients can read their own record" on public.clients
  for select to authenticated using (user_id = private.current_user_id());

create policy "staff can read their clinic's clients" on public.clients
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "staff can add clients to their clinic" on public.clients
  for insert to authenticated with check (private.has_clinic_role(clinic_id));

create policy "clients can edit their own record" on public.clients
  for update to authenticated using (user_id = private.current_user_id()) with check (user_id = private.current_user_id());

create policy "staff can edit their clinic's clients" on public.clients
  for update to authenticated using (private.has_clinic_role(clinic_id)) with check (private.has_clinic_role(clinic_id));

grant update (email) on public.clients to authenticated;

create function private.guard_client_email() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- A client's login email is their identity; only staff may change the contact email of a record.
  if current_user = 'authenticated' and not private.has_clinic_role(new.clinic_id)
     and (new.email is distinct from old.email) then
    raise exception 'forbidden' using errcode = 'VT403', column = 'email', detail = 'Change your email from your account settings.';
  end if;
  return new;
end
$$;
revoke all on function private.guard_client_email() from public;

create trigger clients_guard_email before update on public.clients for each row execute function private.guard_client_email();

grant select on public.pets to authenticated;

grant insert (clinic_id, client_id, name, species, breed, sex, birth_date, weight_grams, microchip, notes) on public.pets to authenticated;

grant update (name, species, breed, sex, birth_date, weight_grams, microchip, notes, archived_at) on public.pets to authenticated;

create policy "clients can read their own pets" on public.pets
  for select to authenticated using (private.is_own_client(client_id));

create policy "staff can read their clinic's pets" on public.pets
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "clients can add their own pets" on public.pets
  for insert to authenticated with check (private.is_own_client(client_id));

create policy "staff can add pets in their clinic" on public.pets
  for insert to authenticated with check (private.has_clinic_role(clinic_id));

create policy "clients can edit their own pets" on public.pets
  for update to authenticated using (private.is_own_client(client_id)) with check (private.is_own_client(client_id));

create policy "staff can edit their clinic's pets" on public.pets
  for update to authenticated using (private.has_clinic_role(clinic_id)) with check (private.has_clinic_role(clinic_id));

-- A person registers as a client of a clinic from its public page. If staff already created a record
-- with the same email and the person's email is verified, that record is linked instead of duplicated.
create function private.register_as_client(p_clinic_slug text, p_full_name text, p_phone text)
returns public.clients
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_clinic_id uuid;
  v_client public.clients;
begin
  select * into v_user from public.users where id = private.require_user();
  select id into v_clinic_id from public.clinics where slug = lower(p_clinic_slug);
  if v_clinic_id is null then
    raise exception 'clinic_not_found' using errcode = 'VT404', detail = 'No clinic at that address.';
  end if;
  select * into v_client from public.clients where clinic_id = v_clinic_id and user_id = v_user.id;
  if found then return v_client; end if;
  if v_user.email_verified then
    update public.clients set user_id = v_user.id, full_name = coalesce(nullif(btrim(p_full_name), ''), full_name),
      phone = coalesce(p_phone, phone)
    where clinic_id = v_clinic_id and email operator(extensions.=) v_user.email and user_id is null
    returning * into v_client;
    if found then return v_client; end if;
  end if;
  insert into public.clients (clinic_id, user_id, full_name, email, phone, locale)
  values (v_clinic_id, v_user.id, coalesce(nullif(btrim(p_full_name), ''), v_user.name), v_user.email, p_phone, v_user.locale)
  on conflict (clinic_id, user_id) do update set full_name = public.clients.full_name
  returning * into v_client;
  return v_client;
end
$$;
revoke all on function private.register_as_client(text,text,text) from public;
grant execute on function private.register_as_client(text,text,text) to authenticated;

create function public.register_as_client(p_clinic_slug text, p_full_name text default null, p_phone text default null)
returns setof public.clients
language sql
set search_path = ''
as $$ select * from private.register_as_client(p_clinic_slug, p_full_name, p_phone) $$;
comment on function public.register_as_client(text,text,text) is 'The signed-in user becomes (or links to) a client of the clinic with this slug.';
revoke all on function public.register_as_client(text,text,text) from public;
grant execute on function public.register_as_client(text,text,text) to authenticated;

-- Staff link an existing client record to a login (the person must have signed up with that email).
create function private.link_client_user(p_client_id uuid) returns public.clients
language plpgsql security definer
set search_path = ''
as $$
declare
  v_client public.clients;
  v_user_id uuid;
begin
  select * into v_client from public.clients where id = p_client_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such client.';
  end if;
  perform private.require_clinic_role(v_client.clinic_id);
  select id into v_user_id from public.users where email operator(extensions.=) v_client.email and email_verified;
  if v_user_id is null then
    raise exception 'no_matching_account' using errcode = 'VT409', column = 'email', detail = 'No verified account uses this email yet.';
  end if;
  update public.clients set user_id = v_user_id where id = p_client_id returning * into v_client;
  return v_client;
end
$$;
revoke all on function private.link_client_user(uuid) from public;
grant execute on function private.link_client_user(uuid) to authenticated;

create function public.link_client_user(p_client_id uuid) returns setof public.clients
language sql
set search_path = ''
as $$ select * from private.link_client_user(p_client_id) $$;
comment on function public.link_client_user(uuid) is 'Staff link a client record to the verified account with the same email.';
revoke all on function public.link_client_user(uuid) from public;
grant execute on function public.link_client_user(uuid) to authenticated;
