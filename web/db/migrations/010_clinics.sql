-- Why: a clinic is the tenant. Privilege lives only in clinic_memberships, which no user can write
-- directly: clinics are created and staff invited through functions that derive the actor from the session.
-- Owners and admins invite staff by email with a role; accepting the emailed one-time link creates the
-- membership (the token is stored hashed). The team page lists teammates' names and emails through
-- list_staff, since users can read only their own account row. Clinic slugs share the URL space with app
-- pages (/new-clinic, /sign-in, /invitations, ...), so reserved words are checked in one function.
-- Emails are citext; with search_path = '' a bare `=` between citext values resolves to text equality
-- (citext's operator lives in schema extensions), so comparisons name `operator(extensions.=)`.

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
      -- a scalar subquery: the signed-in user is read once per call (an init plan), not once per row scanned
      and m.user_id = (select private.current_user_id())
      and (p_roles is null or m.role = any (p_roles))
  )
$$;
comment on function private.has_clinic_role(uuid,public.staff_role[]) is 'True when the signed-in user is staff of the clinic (optionally with one of the roles).';
revoke all on function private.has_clinic_role(uuid,public.staff_role[]) from public;
grant execute on function private.has_clinic_role(uuid,public.staff_role[]) to anon, authenticated;

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
comment on function private.require_clinic_role(uuid,public.staff_role[]) is 'Returns the signed-in user if they hold one of the roles in the clinic, else raises forbidden (403).';
revoke all on function private.require_clinic_role(uuid,public.staff_role[]) from public;
grant execute on function private.require_clinic_role(uuid,public.staff_role[]) to authenticated;

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
  if private.is_reserved_slug(p_slug) then
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
comment on function private.create_clinic(text,text,text,text,text,text,text,text) is 'Security definer body of public.create_clinic: the caller becomes owner; reserved slugs and unknown zones are refused.';
revoke all on function private.create_clinic(text,text,text,text,text,text,text,text) from public;
grant execute on function private.create_clinic(text,text,text,text,text,text,text,text) to authenticated;

create function public.create_clinic(
  p_slug text, p_name text, p_time_zone text, p_currency text, p_default_locale text default 'en',
  p_email text default null, p_phone text default null, p_address text default null
) returns setof public.clinics
language sql
set search_path = ''
as $$
  select * from private.create_clinic(p_slug, p_name, p_time_zone, p_currency, p_default_locale, p_email, p_phone, p_address)
$$;
comment on function public.create_clinic(text,text,text,text,text,text,text,text) is 'Creates a clinic; the signed-in user becomes its owner.';
revoke all on function public.create_clinic(text,text,text,text,text,text,text,text) from public;
grant execute on function public.create_clinic(text,text,text,text,text,text,text,text) to authenticated;

create function private.invite_staff(p_clinic_id uuid, p_email text, p_role public.staff_role)
returns public.clinic_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  v_inviter_role public.staff_role;
  v_token text := private.new_token();
  v_email extensions.citext := btrim(p_email)::extensions.citext;
  v_clinic public.clinics;
  v_invitation public.clinic_invitations;
begin
  select role into v_inviter_role from public.clinic_memberships where clinic_id = p_clinic_id and user_id = v_user_id;
  if p_role = 'owner' and v_inviter_role <> 'owner' then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only an owner can invite another owner.';
  end if;
  if exists (
    select 1 from public.clinic_memberships m join public.users u on u.id = m.user_id
    where m.clinic_id = p_clinic_id and u.email operator(extensions.=) v_email
  ) then
    raise exception 'already_member' using errcode = 'VT409', column = 'email', detail = 'This person is already on the team.';
  end if;
  select * into v_clinic from public.clinics where id = p_clinic_id;
  -- A new invitation replaces any pending one for the same address.
  update public.clinic_invitations set expires_at = now()
  where clinic_id = p_clinic_id and email operator(extensions.=) v_email and accepted_at is null and expires_at > now();
  insert into public.clinic_invitations (clinic_id, email, role, token_hash, invited_by)
  values (p_clinic_id, v_email, p_role, private.hash_token(v_token), v_user_id)
  returning * into v_invitation;
  perform private.enqueue_message(
    p_clinic_id, null, 'email', v_email::text, 'staff_invitation', v_clinic.default_locale,
    jsonb_build_object('clinic_name', v_clinic.name, 'role', p_role, 'path', '/invitations/' || v_token),
    'staff_invitation:' || v_invitation.id
  );
  return v_invitation;
end
$$;
comment on function private.invite_staff(uuid,text,public.staff_role) is 'Security definer body of public.invite_staff (emails compared case-insensitively).';
revoke all on function private.invite_staff(uuid,text,public.staff_role) from public;
grant execute on function private.invite_staff(uuid,text,public.staff_role) to authenticated;

create function public.invite_staff(p_clinic_id uuid, p_email text, p_role public.staff_role)
returns table (id uuid, clinic_id uuid, email text, role public.staff_role, expires_at timestamptz)
language sql
set search_path = ''
as $$
  select i.id, i.clinic_id, i.email::text, i.role, i.expires_at from private.invite_staff(p_clinic_id, p_email, p_role) i
$$;
comment on function public.invite_staff(uuid,text,public.staff_role) is 'Owner/admin invites a person by email with a role; the link is mailed through the outbox, never returned.';
revoke all on function public.invite_staff(uuid,text,public.staff_role) from public;
grant execute on function public.invite_staff(uuid,text,public.staff_role) to authenticated;

create function private.accept_invitation(p_token text)
returns public.clinic_memberships
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_email extensions.citext;
  v_invitation public.clinic_invitations;
  v_membership public.clinic_memberships;
begin
  select * into v_invitation from public.clinic_invitations where token_hash = private.hash_token(p_token) for update;
  if not found or v_invitation.expires_at <= now() then
    raise exception 'invitation_invalid' using errcode = 'VT404', detail = 'This invitation link is invalid or has expired.';
  end if;
  select email into v_email from public.users where id = v_user_id;
  if v_email is null or not (v_email operator(extensions.=) v_invitation.email) then
    raise exception 'invitation_wrong_account' using errcode = 'VT403', detail = 'This invitation was sent to another email address. Sign in with that address.';
  end if;
  if v_invitation.accepted_at is not null then
    select * into v_membership from public.clinic_memberships where clinic_id = v_invitation.clinic_id and user_id = v_user_id;
    if found then return v_membership; end if;
    raise exception 'invitation_invalid' using errcode = 'VT404', detail = 'This invitation was already used.';
  end if;
  insert into public.clinic_memberships (clinic_id, user_id, role)
  values (v_invitation.clinic_id, v_user_id, v_invitation.role)
  on conflict (clinic_id, user_id) do update set role = excluded.role
  returning * into v_membership;
  update public.clinic_invitations set accepted_at = now(), accepted_by = v_user_id where id = v_invitation.id;
  -- Opening the mailed link proves control of the address.
  update public.users set email_verified = true where id = v_user_id and not email_verified;
  return v_membership;
end
$$;
comment on function private.accept_invitation(text) is 'Security definer body of public.accept_invitation (emails compared case-insensitively).';
revoke all on function private.accept_invitation(text) from public;
grant execute on function private.accept_invitation(text) to authenticated;

create function public.accept_invitation(p_token text)
returns table (clinic_id uuid, role public.staff_role, clinic_slug text)
language sql
set search_path = ''
as $$
  select m.clinic_id, m.role, c.slug from private.accept_invitation(p_token) m join public.clinics c on c.id = m.clinic_id
$$;
comment on function public.accept_invitation(text) is 'The signed-in user accepts a staff invitation sent to their email address.';
revoke all on function public.accept_invitation(text) from public;
grant execute on function public.accept_invitation(text) to authenticated;

create function private.remove_staff(p_clinic_id uuid, p_user_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  v_target_role public.staff_role;
begin
  -- Lock every owner row first so two concurrent removals cannot both pass the last-owner check.
  perform 1 from public.clinic_memberships where clinic_id = p_clinic_id and role = 'owner' for update;
  select role into v_target_role from public.clinic_memberships where clinic_id = p_clinic_id and user_id = p_user_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'That person is not on the team.';
  end if;
  if v_target_role = 'owner' and not private.has_clinic_role(p_clinic_id, array['owner']::public.staff_role[]) then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only an owner can remove an owner.';
  end if;
  if v_target_role = 'owner' and (select count(*) from public.clinic_memberships where clinic_id = p_clinic_id and role = 'owner') = 1 then
    raise exception 'last_owner' using errcode = 'VT409', detail = 'A clinic needs at least one owner.';
  end if;
  delete from public.clinic_memberships where clinic_id = p_clinic_id and user_id = p_user_id;
  perform v_actor;
end
$$;
revoke all on function private.remove_staff(uuid,uuid) from public;
grant execute on function private.remove_staff(uuid,uuid) to authenticated;

create function public.remove_staff(p_clinic_id uuid, p_user_id uuid) returns void
language sql
set search_path = ''
as $$ select private.remove_staff(p_clinic_id, p_user_id) $$;
comment on function public.remove_staff(uuid,uuid) is 'Owner/admin removes a team member; the last owner cannot be removed.';
revoke all on function public.remove_staff(uuid,uuid) from public;
grant execute on function public.remove_staff(uuid,uuid) to authenticated;

create function private.is_reserved_slug(p_slug text) returns boolean
language sql immutable
set search_path = ''
as $$
  select lower(p_slug) = any (array[
    'about', 'account', 'accounts', 'admin', 'api', 'app', 'auth', 'clinics', 'dashboard', 'dev', 'forgot-password',
    'health', 'help', 'invitation', 'invitations', 'login', 'logout', 'new', 'new-clinic', 'portal', 'privacy',
    'reset-password', 'settings', 'sign-in', 'sign-out', 'sign-up', 'signin', 'signout', 'signup', 'staff',
    'static', 'support', 'terms', 'verify-email', 'www'
  ])
$$;
comment on function private.is_reserved_slug(text) is 'True for clinic addresses that collide with app routes (e.g. new-clinic, sign-in).';
revoke all on function private.is_reserved_slug(text) from public;
grant execute on function private.is_reserved_slug(text) to authenticated;

-- Security definer: reads teammates' names and emails from users, which RLS hides from other users.
-- The caller must be staff of the clinic (derived from the session); only these columns are returned.
create function private.list_staff(p_clinic_id uuid)
returns table (user_id uuid, name text, email text, role public.staff_role, joined_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id);
  return query
    select m.user_id, u.name, u.email::text, m.role, m.created_at
      from public.clinic_memberships m
      join public.users u on u.id = m.user_id
     where m.clinic_id = p_clinic_id
     order by array_position(array['owner', 'admin', 'vet', 'receptionist']::public.staff_role[], m.role), lower(u.name), m.user_id;
end
$$;
comment on function private.list_staff(uuid) is 'Security definer body of public.list_staff.';
revoke all on function private.list_staff(uuid) from public;
grant execute on function private.list_staff(uuid) to authenticated;

create function public.list_staff(p_clinic_id uuid)
returns table (user_id uuid, name text, email text, role public.staff_role, joined_at timestamptz)
language sql stable
set search_path = ''
as $$ select * from private.list_staff(p_clinic_id) $$;
comment on function public.list_staff(uuid) is 'The clinic''s team (name, email, role), for its staff only; others get forbidden.';
revoke all on function public.list_staff(uuid) from public;
grant execute on function public.list_staff(uuid) to authenticated;
