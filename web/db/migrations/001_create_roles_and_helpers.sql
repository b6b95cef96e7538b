-- Why: every user query runs as the non-owner role `authenticated` (or `anon`) with request.jwt.claims
-- set, exactly as behind Supabase's API, so row-level security is the guard. Roles exist on Supabase
-- already; locally we create them. Functions are not executable by PUBLIC unless granted one by one.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not pg_has_role(current_user, 'authenticated', 'member') then
    execute format('grant authenticated to %I', current_user);
  end if;
  if not pg_has_role(current_user, 'anon', 'member') then
    execute format('grant anon to %I', current_user);
  end if;
end
$$;

create schema if not exists private;
create schema if not exists extensions;
create extension if not exists citext with schema extensions;
create extension if not exists btree_gist with schema extensions;

revoke all on schema private from public;
grant usage on schema private to anon, authenticated;
grant usage on schema public to anon, authenticated;
grant usage on schema extensions to anon, authenticated;

-- New functions are not executable by PUBLIC; each migration grants what it means to expose.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke execute on functions from public;
alter default privileges in schema private revoke execute on functions from public;

create function private.current_user_id() returns uuid
language sql stable
set search_path = ''
as $$
  select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid
$$;
comment on function private.current_user_id() is 'The signed-in user from request.jwt.claims, or null for anonymous and system callers.';
revoke all on function private.current_user_id() from public;
grant execute on function private.current_user_id() to anon, authenticated;

create function private.require_user() returns uuid
language plpgsql stable
set search_path = ''
as $$
declare
  v_user_id uuid := private.current_user_id();
begin
  if v_user_id is null then
    raise exception 'unauthenticated' using errcode = 'VT401', detail = 'Please sign in.';
  end if;
  return v_user_id;
end
$$;
comment on function private.require_user() is 'The signed-in user, or raises unauthenticated (401).';
revoke all on function private.require_user() from public;
grant execute on function private.require_user() to authenticated;

create function private.is_valid_time_zone(p_time_zone text) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from pg_catalog.pg_timezone_names where name = p_time_zone)
$$;
comment on function private.is_valid_time_zone(text) is 'True for IANA zone names this server knows (e.g. Europe/Madrid).';
revoke all on function private.is_valid_time_zone(text) from public;
grant execute on function private.is_valid_time_zone(text) to anon, authenticated;

create function private.new_token() returns text
language sql volatile
set search_path = ''
as $$
  select replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
$$;
comment on function private.new_token() is '244 random bits as 64 hex characters, for emailed one-time links. Only its sha256 is stored.';
revoke all on function private.new_token() from public;

create function private.hash_token(p_token text) returns text
language sql immutable
set search_path = ''
as $$
  select encode(sha256(convert_to(p_token, 'UTF8')), 'hex')
$$;
comment on function private.hash_token(text) is 'sha256 hex of a one-time token; tokens are stored hashed and compared by hash.';
revoke all on function private.hash_token(text) from public;

create function private.touch_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
revoke all on function private.touch_updated_at() from public;
