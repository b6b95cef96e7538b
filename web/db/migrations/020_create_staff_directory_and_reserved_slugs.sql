-- Why: the team page must show teammates' names and emails, but users can read only their own account
-- row; list_staff exposes exactly those columns to the clinic's staff. Clinic slugs share the URL space
-- with app pages (/new-clinic, /sign-in, /invitations, ...), so reserved words are checked in one
-- function that create_clinic now uses (replacing the shorter inline list from 003).

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

create or replace function private.create_clinic(
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
comment on function private.create_clinic(text, text, text, text, text, text, text, text) is 'Security definer body of public.create_clinic: the caller becomes owner; reserved slugs and unknown zones are refused.';

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
