-- Why: a clinic is the tenant. Privilege lives only in clinic_memberships, which no user can write
-- directly: clinics are created and staff invited through functions that derive the actor from the session.

create type public.staff_role as enum ('owner', 'admin', 'vet', 'receptionist');

create table public.clinics (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique
    check (slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$' and slug !~ '--'),
  name text not null check (length(btrim(name)) between 2 and 120),
  time_zone text not null check (private.is_valid_time_zone(time_zone)),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  default_locale text not null default 'en' check (default_locale in ('en', 'es')),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or length(phone) between 5 and 32),
  address text check (address is null or length(address) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
alter table public.clinics enable row level security;
create trigger clinics_touch before update on public.clinics for each row execute function private.touch_updated_at();

create table public.clinic_memberships (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  user_id uuid not null references public.users (id) on delete cascade,
  role public.staff_role not null,
  created_at timestamptz not null default now(),
  unique (clinic_id, user_id)
);
create index clinic_memberships_user_id_idx on public.clinic_memberships (user_id);
alter table public.clinic_memberships enable row level security;

create table public.clinic_invitations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  email extensions.citext not null,
  role public.staff_role not null,
  token_hash text not null unique,
  invited_by uuid references public.users (id) on delete set null,
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now()
);
create index clinic_invitations_clinic_id_idx on public.clinic_invitations (clinic_id);
alter table public.clinic_invitations enable row level security;

-- Security definer: RLS policies on other tables call this, and it must read memberships the caller
-- cannot necessarily see. It reads only the caller's own rows (user from the session, never a parameter).
create function private.has_clinic_role(p_clinic_id uuid, p_roles public.staff_role[] default null)
returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.clinic_memberships m
    where m.clinic_id = p_clinic_id
      and m.user_id = private.current_user_id()
      and (p_roles is null or m.role = any (p_roles))
  )
$$;
comment on function private.has_clinic_role(uuid, public.staff_role[]) is 'True when the signed-in user is staff of the clinic (optionally with one of the roles).';
revoke all on function private.has_clinic_role(uuid, public.staff_role[]) from public;
grant execute on function private.has_clinic_role(uuid, public.staff_role[]) to anon, authenticated;

create function private.require_clinic_role(p_clinic_id uuid, p_roles public.staff_role[] default null)
returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
begin
  if not private.has_clinic_role(p_clinic_id, p_roles) then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Your role in this clinic does not allow that.';
  end if;
  return v_user_id;
end
$$;
comment on function private.require_clinic_role(uuid, public.staff_role[]) is 'Returns the signed-in user if they hold one of the roles in the clinic, else raises forbidden (403).';
revoke all on function private.require_clinic_role(uuid, public.staff_role[]) from public;
grant execute on function private.require_clinic_role(uuid, public.staff_role[]) to authenticated;

grant select on public.clinics to anon, authenticated;
grant update (name, time_zone, currency, default_locale, email, phone, address) on public.clinics to authenticated;
create policy "anyone can read a clinic's public profile" on public.clinics
  for select to anon, authenticated using (true);
create policy "owners and admins can edit their clinic" on public.clinics
  for update to authenticated
  using (private.has_clinic_role(id, array['owner', 'admin']::public.staff_role[]))
  with check (private.has_clinic_role(id, array['owner', 'admin']::public.staff_role[]));

grant select on public.clinic_memberships to authenticated;
create policy "staff can read their clinic's team" on public.clinic_memberships
  for select to authenticated using (user_id = private.current_user_id() or private.has_clinic_role(clinic_id));

grant select (id, clinic_id, email, role, invited_by, expires_at, accepted_at, accepted_by, created_at) on public.clinic_invitations to authenticated;
create policy "owners and admins can read their clinic's invitations" on public.clinic_invitations
  for select to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

-- Security definer: the creator has no membership yet, and memberships are not writable by users.
create function private.create_clinic(
  p_slug text, p_name text, p_time_zone text, p_currency text, p_default_locale text,
  p_email text, p_phone text, p_address text
) returns public.clinics
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_clinic public.clinics;
begin
  if lower(p_slug) in ('api', 'auth', 'login', 'signup', 'sign-in', 'sign-up', 'dev', 'admin', 'invitations', 'account', 'new', 'static', 'health') then
    raise exception 'slug_reserved' using errcode = 'VT422', column = 'slug', detail = 'That address is reserved; pick another.';
  end if;
  if not private.is_valid_time_zone(p_time_zone) then
    raise exception 'invalid_time_zone' using errcode = 'VT422', column = 'time_zone', detail = 'Unknown time zone.';
  end if;
  insert into public.clinics (slug, name, time_zone, currency, default_locale, email, phone, address)
  values (lower(p_slug), btrim(p_name), p_time_zone, upper(p_currency), coalesce(p_default_locale, 'en'), p_email, p_phone, p_address)
  returning * into v_clinic;
  insert into public.clinic_memberships (clinic_id, user_id, role) values (v_clinic.id, v_user_id, 'owner');
  return v_clinic;
end
$$;
revoke all on function private.create_clinic(text, text, text, text, text, text, text, text) from public;
grant execute on function private.create_clinic(text, text, text, text, text, text, text, text) to authenticated;

create function public.create_clinic(
  p_slug text, p_name text, p_time_zone text, p_currency text, p_default_locale text default 'en',
  p_email text default null, p_phone text default null, p_address text default null
) returns setof public.clinics
language sql
set search_path = ''
as $$
  select * from private.create_clinic(p_slug, p_name, p_time_zone, p_currency, p_default_locale, p_email, p_phone, p_address)
$$;
comment on function public.create_clinic(text, text, text, text, text, text, text, text) is 'Creates a clinic; the signed-in user becomes its owner.';
revoke all on function public.create_clinic(text, text, text, text, text, text, text, text) from public;
grant execute on function public.create_clinic(text, text, text, text, text, text, text, text) to authenticated;
