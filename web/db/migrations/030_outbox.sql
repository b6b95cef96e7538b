-- Why: emails and SMS are rows written in the same transaction as the change that causes them
-- (transactional outbox). A job delivers them later; nothing is sent from inside a request's
-- transaction. The dedupe key makes "the same message twice" impossible. Owners read their clinic's
-- delivery failures, and a recipient sees (and may dismiss) an in-app notice for a message that could not
-- be delivered, through functions (last_error and dedupe keys are not granted to users).

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
  failed_at timestamptz,
  -- Lets a recipient dismiss the in-app "we could not deliver" notice.
  notice_dismissed_at timestamptz
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
comment on function private.enqueue_message(uuid,uuid,text,text,text,text,jsonb,text,jsonb) is 'Writes one outbox row in the caller''s transaction; a repeated dedupe key is a no-op (returns null).';
revoke all on function private.enqueue_message(uuid,uuid,text,text,text,text,jsonb,text,jsonb) from public;
grant execute on function private.enqueue_message(uuid,uuid,text,text,text,text,jsonb,text,jsonb) to authenticated;

create index outbox_messages_failed_user_idx on public.outbox_messages (user_id, failed_at desc) where status = 'failed';

create index outbox_messages_failed_clinic_idx on public.outbox_messages (clinic_id, failed_at desc) where status = 'failed';

-- Security definer: owners need last_error and attempts, which are not granted on outbox_messages.
create function private.list_delivery_failures(p_clinic_id uuid, p_limit integer)
returns table (
  id uuid, channel text, recipient text, template text, attempts integer,
  last_error text, failed_at timestamptz, created_at timestamptz, fallback_status text
)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id, array['owner']::public.staff_role[]);
  return query
    select m.id, m.channel, m.recipient, m.template, m.attempts, m.last_error, m.failed_at, m.created_at,
           (select f.status from public.outbox_messages f where f.dedupe_key = 'fallback:' || m.id::text)
      from public.outbox_messages m
     where m.clinic_id = p_clinic_id and m.status = 'failed'
     order by m.failed_at desc nulls last
     limit least(greatest(coalesce(p_limit, 50), 1), 200);
end
$$;
revoke all on function private.list_delivery_failures(uuid,integer) from public;
grant execute on function private.list_delivery_failures(uuid,integer) to authenticated;

create function public.list_delivery_failures(p_clinic_id uuid, p_limit integer default 50)
returns table (
  id uuid, channel text, recipient text, template text, attempts integer,
  last_error text, failed_at timestamptz, created_at timestamptz, fallback_status text
)
language sql stable
set search_path = ''
as $$ select * from private.list_delivery_failures(p_clinic_id, p_limit) $$;
comment on function public.list_delivery_failures(uuid,integer) is 'The clinic''s messages that could not be delivered (newest first), with the reason and any email fallback; owners only.';
revoke all on function public.list_delivery_failures(uuid,integer) from public;
grant execute on function public.list_delivery_failures(uuid,integer) to authenticated;

-- Security definer: the fallback check reads dedupe keys, which users cannot select. The user is the
-- session's, never a parameter. A message whose SMS fell back to a live email is not a failure to them.
create function private.list_my_failed_messages(p_limit integer)
returns table (id uuid, clinic_id uuid, channel text, template text, locale text, payload jsonb, failed_at timestamptz)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
begin
  return query
    select m.id, m.clinic_id, m.channel, m.template, m.locale, m.payload, m.failed_at
      from public.outbox_messages m
     where m.user_id = v_user_id and m.status = 'failed' and m.notice_dismissed_at is null
       and m.failed_at > now() - interval '30 days'
       and not exists (
         select 1 from public.outbox_messages f
          where f.dedupe_key = 'fallback:' || m.id::text and f.status in ('pending', 'sending', 'sent')
       )
     order by m.failed_at desc
     limit least(greatest(coalesce(p_limit, 20), 1), 50);
end
$$;
revoke all on function private.list_my_failed_messages(integer) from public;
grant execute on function private.list_my_failed_messages(integer) to authenticated;

create function public.list_my_failed_messages(p_limit integer default 20)
returns table (id uuid, clinic_id uuid, channel text, template text, locale text, payload jsonb, failed_at timestamptz)
language sql stable
set search_path = ''
as $$ select * from private.list_my_failed_messages(p_limit) $$;
comment on function public.list_my_failed_messages(integer) is 'Messages to the signed-in user that could not be delivered in the last 30 days and were not dismissed.';
revoke all on function public.list_my_failed_messages(integer) from public;
grant execute on function public.list_my_failed_messages(integer) to authenticated;

create function private.dismiss_failed_message(p_message_id uuid)
returns boolean
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
begin
  update public.outbox_messages set notice_dismissed_at = now()
   where id = p_message_id and user_id = v_user_id and status = 'failed' and notice_dismissed_at is null;
  return found;
end
$$;
revoke all on function private.dismiss_failed_message(uuid) from public;
grant execute on function private.dismiss_failed_message(uuid) to authenticated;

create function public.dismiss_failed_message(p_message_id uuid)
returns boolean
language sql
set search_path = ''
as $$ select private.dismiss_failed_message(p_message_id) $$;
comment on function public.dismiss_failed_message(uuid) is 'The signed-in user hides the notice for one of their undelivered messages.';
revoke all on function public.dismiss_failed_message(uuid) from public;
grant execute on function public.dismiss_failed_message(uuid) to authenticated;
