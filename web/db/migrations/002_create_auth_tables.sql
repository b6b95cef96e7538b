-- Why: better-auth keeps users, sessions, accounts, verification tokens and the login rate limiter in
-- Postgres (shared by every server instance; never in process memory). It connects as the owner role,
-- so these tables have RLS enabled with no grants to anon/authenticated except a user's own row.

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
