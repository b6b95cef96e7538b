-- Why: emails and SMS are rows written in the same transaction as the change that causes them
-- (transactional outbox). A job delivers them later; nothing is sent from inside a request's
-- transaction. The dedupe key makes "the same message twice" impossible.

create table public.outbox_messages (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid references public.clinics (id) on delete cascade,
  user_id uuid references public.users (id) on delete set null,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null check (length(recipient) between 3 and 320),
  template text not null check (template ~ '^[a-z][a-z0-9_.]*$'),
  locale text not null default 'en' check (locale in ('en', 'es')),
  payload jsonb not null default '{}'::jsonb,
  attachments jsonb not null default '[]'::jsonb,
  dedupe_key text not null unique,
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts integer not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  claimed_until timestamptz,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  failed_at timestamptz
);
create index outbox_messages_due_idx on public.outbox_messages (next_attempt_at) where status in ('pending', 'sending');
create index outbox_messages_user_idx on public.outbox_messages (user_id, created_at desc);
create index outbox_messages_clinic_idx on public.outbox_messages (clinic_id, created_at desc);
alter table public.outbox_messages enable row level security;

grant select (id, clinic_id, user_id, channel, recipient, template, locale, payload, status, created_at, sent_at, failed_at)
  on public.outbox_messages to authenticated;
create policy "people can read messages addressed to them" on public.outbox_messages
  for select to authenticated using (user_id = private.current_user_id());
create policy "owners and admins can read their clinic's messages" on public.outbox_messages
  for select to authenticated using (clinic_id is not null and private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

-- Security definer: called from functions acting for users, who cannot insert outbox rows directly.
create function private.enqueue_message(
  p_clinic_id uuid, p_user_id uuid, p_channel text, p_recipient text, p_template text,
  p_locale text, p_payload jsonb, p_dedupe_key text, p_attachments jsonb default '[]'::jsonb
) returns uuid
language plpgsql security definer
set search_path = ''
as $$
declare
  v_id uuid;
begin
  insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key, attachments)
  values (p_clinic_id, p_user_id, p_channel, p_recipient, p_template, coalesce(p_locale, 'en'), coalesce(p_payload, '{}'::jsonb), p_dedupe_key, coalesce(p_attachments, '[]'::jsonb))
  on conflict (dedupe_key) do nothing
  returning id into v_id;
  return v_id;
end
$$;
comment on function private.enqueue_message(uuid, uuid, text, text, text, text, jsonb, text, jsonb) is 'Writes one outbox row in the caller''s transaction; a repeated dedupe key is a no-op (returns null).';
revoke all on function private.enqueue_message(uuid, uuid, text, text, text, text, jsonb, text, jsonb) from public;
grant execute on function private.enqueue_message(uuid, uuid, text, text, text, text, jsonb, text, jsonb) to authenticated;

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
