-- Why: the foundations every domain uses. Every user query runs as the non-owner role `authenticated` (or
-- `anon`) with request.jwt.claims set, exactly as behind Supabase's API, so row-level security is the guard.
-- Roles exist on Supabase already; locally we create them. Functions are not executable by PUBLIC unless
-- granted one by one. better-auth keeps users, sessions, accounts, verification tokens and the login rate
-- limiter in Postgres (shared by every server instance; never in process memory); it connects as the owner
-- role, so those tables have RLS enabled with no grants to anon/authenticated except a user's own row.
-- Idempotency keys for POST routes live here too (system path only).
--
-- Baseline: this file and the other NNN_*.sql baselines were squashed from the first migrations before
-- anything was deployed; each holds only the live definition of its objects. From here on migrations are
-- append-only (see DEPLOY_MIGRATIONS_NOW.md); web/db/schema/ shows the live result.

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

create table public.users (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  email extensions.citext not null unique,
  email_verified boolean not null default false,
  image text,
  locale text not null default 'en' check (locale in ('en', 'es')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.users enable row level security;

grant select on public.users to authenticated;

create policy "users can read their own account" on public.users
  for select to authenticated using (id = private.current_user_id());

create table public.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  token text not null unique,
  expires_at timestamptz not null,
  ip_address text,
  user_agent text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index sessions_user_id_idx on public.sessions (user_id);

alter table public.sessions enable row level security;

create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.users (id) on delete cascade,
  account_id text not null,
  provider_id text not null,
  access_token text,
  refresh_token text,
  id_token text,
  access_token_expires_at timestamptz,
  refresh_token_expires_at timestamptz,
  scope text,
  password text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index accounts_user_id_idx on public.accounts (user_id);

alter table public.accounts enable row level security;

create table public.verifications (
  id uuid primary key default gen_random_uuid(),
  identifier text not null,
  value text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create index verifications_identifier_idx on public.verifications (identifier);

alter table public.verifications enable row level security;

create table public.rate_limits (
  id uuid primary key default gen_random_uuid(),
  key text not null unique,
  count integer not null,
  last_request bigint not null
);

alter table public.rate_limits enable row level security;

-- Idempotency-Key support for POST routes: the first request with a key claims it; its response is
-- stored and replayed for the same key and body. Used only through the system path.
create table private.idempotency_keys (
  user_key text not null,
  key text not null,
  request_hash text not null,
  status_code integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (user_key, key)
);

create index idempotency_keys_created_at_idx on private.idempotency_keys (created_at);

alter table private.idempotency_keys enable row level security;
