-- Why: card payments go through Stripe, each clinic paid into its own connected account. The platform this
-- replaces charged without idempotency keys and applied webhooks neither once nor in a safe order. So:
-- * clinic_payment_accounts: the clinic's Stripe account id and what Stripe lets it do (charges, payouts).
--   A table of its own, not columns on clinics: clinics is readable by anyone (its public profile).
-- * payment_attempts: one row per PaymentIntent we create, keyed by what is paid (target kind + id) and the
--   attempt number. The idempotency key sent to Stripe is derived from that row, so two tabs pressing Pay
--   get the same PaymentIntent. target_id has no foreign key yet: invoices, orders and subscriptions land
--   in their own migrations, and each will check its target in its own payable loader.
-- * private.stripe_events: the id of every webhook event applied, inserted in the same transaction as its
--   effect, so a duplicate delivery does nothing.
-- * saved_payment_methods: cards saved through SetupIntents, for subscriptions.
-- Every write goes through the system path (webhooks, the payment use-cases) and the functions below; staff
-- read their clinic's rows under RLS. RLS is enabled, not forced, like every other table: the system path
-- runs as the owner, which on a managed Postgres is neither superuser nor BYPASSRLS. The webhook's state machine lives in SQL so that events arriving in
-- any order never regress a payment: success is final, refunds only grow, later statuses beat earlier ones.

create table public.clinic_payment_accounts (
  clinic_id uuid primary key references public.clinics (id) on delete cascade,
  stripe_account_id text not null unique check (stripe_account_id ~ '^acct_[A-Za-z0-9]+$'),
  charges_enabled boolean not null default false,
  payouts_enabled boolean not null default false,
  details_submitted boolean not null default false,
  -- created time of the Stripe event the flags came from: an older account.updated never overwrites a newer one
  status_event_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

alter table public.clinic_payment_accounts enable row level security;

create trigger clinic_payment_accounts_touch before update on public.clinic_payment_accounts
  for each row execute function private.touch_updated_at();

revoke all on table public.clinic_payment_accounts from public, anon, authenticated;
grant select on table public.clinic_payment_accounts to authenticated;

create policy "staff can read their clinic's payment account" on public.clinic_payment_accounts
  for select to authenticated using (private.has_clinic_role(clinic_id));

create table public.payment_attempts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  target_kind text not null check (target_kind in ('invoice', 'order', 'subscription')),
  -- no foreign key yet (see the header); the payable loader of each kind checks the row exists and is this clinic's
  target_id uuid not null,
  attempt integer not null check (attempt > 0),
  idempotency_key text not null unique,
  stripe_account_id text not null,
  amount_cents bigint not null check (amount_cents > 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  payment_intent_id text unique check (payment_intent_id ~ '^pi_[A-Za-z0-9_]+$'),
  client_secret text,
  status text not null default 'creating' check (status in (
    'creating', 'requires_payment_method', 'requires_action', 'processing', 'succeeded', 'failed', 'canceled'
  )),
  -- created time of the Stripe event behind the status: among non-final statuses the later event wins
  status_event_at timestamptz,
  last_error_code text,
  latest_charge_id text,
  amount_received_cents bigint not null default 0 check (amount_received_cents >= 0),
  -- cumulative, as Stripe reports it on the charge; only ever grows
  refunded_cents bigint not null default 0 check (refunded_cents >= 0),
  -- written only by the interim payment sink (web/lib/stripe/payment-sinks.ts) until each target kind has its
  -- own (the invoice one applies the payment to the invoice): what was handed on, so tests see it happen once
  applied_cents bigint not null default 0 check (applied_cents >= 0),
  refund_applied_cents bigint not null default 0 check (refund_applied_cents >= 0),
  disputed_at timestamptz,
  succeeded_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payment_attempts_one_per_target_attempt unique (target_kind, target_id, attempt)
);

create index payment_attempts_clinic_idx on public.payment_attempts (clinic_id, created_at desc);
create index payment_attempts_charge_idx on public.payment_attempts (latest_charge_id) where latest_charge_id is not null;

alter table public.payment_attempts enable row level security;

create trigger payment_attempts_touch before update on public.payment_attempts
  for each row execute function private.touch_updated_at();

revoke all on table public.payment_attempts from public, anon, authenticated;
-- the client secret lets a browser confirm the payment: not for staff lists
grant select (id, clinic_id, target_kind, target_id, attempt, amount_cents, currency, payment_intent_id, status,
  last_error_code, amount_received_cents, refunded_cents, disputed_at, succeeded_at, created_at, updated_at)
  on public.payment_attempts to authenticated;

create policy "staff can read their clinic's payment attempts" on public.payment_attempts
  for select to authenticated using (private.has_clinic_role(clinic_id));

create table private.stripe_events (
  id text primary key check (id ~ '^evt_[A-Za-z0-9_]+$'),
  type text not null,
  -- null when the event names no clinic we know (an unknown type, a foreign account)
  clinic_id uuid references public.clinics (id) on delete set null,
  stripe_account_id text,
  event_created_at timestamptz not null,
  received_at timestamptz not null default now()
);

create index stripe_events_clinic_idx on private.stripe_events (clinic_id, received_at desc);

alter table private.stripe_events enable row level security;
revoke all on table private.stripe_events from public, anon, authenticated;

create table public.saved_payment_methods (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null references public.clients (id) on delete cascade,
  setup_intent_id text not null unique check (setup_intent_id ~ '^seti_[A-Za-z0-9_]+$'),
  payment_method_id text not null,
  stripe_customer_id text,
  created_at timestamptz not null default now()
);

create index saved_payment_methods_client_idx on public.saved_payment_methods (clinic_id, client_id);

alter table public.saved_payment_methods enable row level security;
revoke all on table public.saved_payment_methods from public, anon, authenticated;
grant select (id, clinic_id, client_id, created_at) on public.saved_payment_methods to authenticated;

create policy "staff can read their clinic's saved payment methods" on public.saved_payment_methods
  for select to authenticated using (private.has_clinic_role(clinic_id));

-- Owners and admins start onboarding. Invoker rights: the role check raises forbidden (403) for anyone
-- else, and the row is read under the caller's RLS.
create function public.get_onboarding_account(p_clinic_id uuid)
returns text
language plpgsql stable
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  return (select a.stripe_account_id from public.clinic_payment_accounts a where a.clinic_id = p_clinic_id);
end
$$;
comment on function public.get_onboarding_account(uuid) is 'Owner/admin only: the clinic''s connected Stripe account id, or null before the first onboarding.';
revoke all on function public.get_onboarding_account(uuid) from public, anon, authenticated;
grant execute on function public.get_onboarding_account(uuid) to authenticated;

-- System path only: the account id comes from Stripe's answer, never from a person.
create function private.save_payment_account(p_clinic_id uuid, p_stripe_account_id text)
returns text
language plpgsql
set search_path = ''
as $$
begin
  insert into public.clinic_payment_accounts (clinic_id, stripe_account_id) values (p_clinic_id, p_stripe_account_id)
  on conflict (clinic_id) do nothing;
  -- the first stored account wins; a racing second onboarding gets the same one back
  return (select a.stripe_account_id from public.clinic_payment_accounts a where a.clinic_id = p_clinic_id);
end
$$;
comment on function private.save_payment_account(uuid,text) is 'Stores the clinic''s connected account id once and returns the stored one.';
revoke all on function private.save_payment_account(uuid,text) from public, anon, authenticated;

create function private.record_stripe_event(
  p_event_id text, p_type text, p_stripe_account_id text, p_event_created_at timestamptz
) returns boolean
language plpgsql
set search_path = ''
as $$
declare
  v_clinic_id uuid;
begin
  select a.clinic_id into v_clinic_id from public.clinic_payment_accounts a where a.stripe_account_id = p_stripe_account_id;
  -- a concurrent duplicate waits here on the primary key until the first delivery commits or rolls back
  insert into private.stripe_events (id, type, clinic_id, stripe_account_id, event_created_at)
  values (p_event_id, p_type, v_clinic_id, p_stripe_account_id, p_event_created_at)
  on conflict (id) do nothing;
  return found;
end
$$;
comment on function private.record_stripe_event(text,text,text,timestamptz) is 'Records a webhook event id; false when it was already applied (the caller then does nothing).';
revoke all on function private.record_stripe_event(text,text,text,timestamptz) from public, anon, authenticated;

-- Which attempt pays this target now. An open attempt with the same amount is reused (two tabs, one
-- PaymentIntent), and so is a failed one: Stripe lets the payer try another card on the same PaymentIntent,
-- and a second PaymentIntent would let a stale tab pay twice. An open or failed one whose amount no longer
-- matches (the balance changed) is marked canceled (the caller cancels it at Stripe) and followed by the
-- next number, as is a canceled one. A payment still processing, or a success for the same amount, refuses
-- a new attempt, since its webhook may not have reached the balance yet.
create function private.begin_payment_attempt(
  p_clinic_id uuid, p_target_kind text, p_target_id uuid, p_amount_cents bigint, p_currency text,
  p_stripe_account_id text
) returns table (attempt_id uuid, attempt integer, idempotency_key text, superseded_payment_intent_id text)
language plpgsql
set search_path = ''
as $$
declare
  v_last public.payment_attempts;
  v_next integer;
  v_superseded text;
begin
  -- serializes Pay presses on one target (a row lock cannot guard the first attempt, which has no row yet)
  perform pg_advisory_xact_lock(hashtextextended('payment_attempts:' || p_target_kind || ':' || p_target_id, 0));
  select * into v_last from public.payment_attempts a
  where a.target_kind = p_target_kind and a.target_id = p_target_id
  order by a.attempt desc limit 1;
  if found and v_last.clinic_id <> p_clinic_id then
    raise exception 'not_found' using errcode = 'VT404', detail = 'Nothing to pay here.';
  end if;
  if found and (v_last.status = 'processing' or (v_last.status = 'succeeded' and v_last.amount_cents = p_amount_cents)) then
    raise exception 'payment_already_made' using errcode = 'VT409', detail = 'This has just been paid.';
  end if;
  if found and v_last.status in ('creating', 'requires_payment_method', 'requires_action', 'failed')
     and v_last.amount_cents = p_amount_cents and v_last.currency = upper(p_currency)
     and v_last.stripe_account_id = p_stripe_account_id then
    return query select v_last.id, v_last.attempt, v_last.idempotency_key, null::text;
    return;
  end if;
  if found and v_last.status in ('creating', 'requires_payment_method', 'requires_action', 'failed') then
    update public.payment_attempts set status = 'canceled' where id = v_last.id;
    v_superseded := v_last.payment_intent_id;
  end if;
  v_next := coalesce(v_last.attempt, 0) + 1;
  insert into public.payment_attempts as a (
    clinic_id, target_kind, target_id, attempt, idempotency_key, stripe_account_id, amount_cents, currency
  ) values (
    p_clinic_id, p_target_kind, p_target_id, v_next, p_target_kind || ':' || p_target_id || ':attempt:' || v_next,
    p_stripe_account_id, p_amount_cents, upper(p_currency)
  )
  returning * into v_last;
  return query select v_last.id, v_last.attempt, v_last.idempotency_key, v_superseded;
end
$$;
comment on function private.begin_payment_attempt(uuid,text,uuid,bigint,text,text) is 'Returns the attempt (and its idempotency key) that pays this target: reuses an open one with the same amount, else opens the next.';
revoke all on function private.begin_payment_attempt(uuid,text,uuid,bigint,text,text) from public, anon, authenticated;

-- What Stripe says happened to a PaymentIntent, applied so that no order of events regresses it:
-- succeeded is final; among the other statuses an older event never overwrites a newer one.
-- newly_succeeded is true exactly once per attempt: the caller applies the payment only then, followed by
-- pending_refund_cents (refunds whose events came before the success, held back until now).
create function private.record_payment_intent_status(
  p_payment_intent_id text, p_attempt_id uuid, p_status text, p_amount_received_cents bigint,
  p_latest_charge_id text, p_error_code text, p_event_created_at timestamptz
) returns table (
  attempt_id uuid, clinic_id uuid, target_kind text, target_id uuid, currency text,
  amount_received_cents bigint, newly_succeeded boolean, pending_refund_cents bigint
)
language plpgsql
set search_path = ''
as $$
declare
  v_row public.payment_attempts;
  v_newly boolean := false;
begin
  select * into v_row from public.payment_attempts a
  where a.payment_intent_id = p_payment_intent_id or (a.payment_intent_id is null and a.id = p_attempt_id)
  for update;
  if not found then
    return;
  end if;
  if v_row.status <> 'succeeded' and p_status = 'succeeded' then
    v_newly := true;
    update public.payment_attempts a set
      status = 'succeeded', succeeded_at = now(), status_event_at = p_event_created_at, last_error_code = null,
      amount_received_cents = p_amount_received_cents, payment_intent_id = p_payment_intent_id,
      latest_charge_id = coalesce(p_latest_charge_id, a.latest_charge_id)
    where a.id = v_row.id returning * into v_row;
  elsif v_row.status <> 'succeeded' and p_event_created_at >= coalesce(v_row.status_event_at, '-infinity') then
    update public.payment_attempts a set
      status = p_status, status_event_at = p_event_created_at, last_error_code = p_error_code,
      payment_intent_id = p_payment_intent_id, latest_charge_id = coalesce(p_latest_charge_id, a.latest_charge_id)
    where a.id = v_row.id returning * into v_row;
  elsif v_row.latest_charge_id is null and p_latest_charge_id is not null then
    update public.payment_attempts a set latest_charge_id = p_latest_charge_id where a.id = v_row.id;
  end if;
  return query select v_row.id, v_row.clinic_id, v_row.target_kind, v_row.target_id, v_row.currency::text,
    v_row.amount_received_cents, v_newly, case when v_newly then v_row.refunded_cents else 0::bigint end;
end
$$;
comment on function private.record_payment_intent_status(text,uuid,text,bigint,text,text,timestamptz) is 'Applies a PaymentIntent status from a webhook without regressing it; newly_succeeded is true once per attempt.';
revoke all on function private.record_payment_intent_status(text,uuid,text,bigint,text,text,timestamptz) from public, anon, authenticated;

-- Refund totals only grow (Stripe reports the cumulative amount on the charge), so any order of
-- charge.refunded events ends at the largest. Returns the growth to pass on; while the payment has not
-- succeeded here yet that is 0, and the success passes on the whole refunded total instead (so a refund
-- never reaches the target before its payment, and every refunded cent is passed on once).
create function private.record_payment_refund(
  p_payment_intent_id text, p_charge_id text, p_amount_refunded_cents bigint
) returns table (attempt_id uuid, clinic_id uuid, target_kind text, target_id uuid, currency text, refund_delta_cents bigint)
language plpgsql
set search_path = ''
as $$
declare
  v_row public.payment_attempts;
  v_delta bigint;
begin
  select * into v_row from public.payment_attempts a
  where a.payment_intent_id = p_payment_intent_id or (p_charge_id is not null and a.latest_charge_id = p_charge_id)
  order by a.payment_intent_id = p_payment_intent_id desc
  limit 1
  for update;
  if not found then
    return;
  end if;
  v_delta := case when v_row.status = 'succeeded' then greatest(p_amount_refunded_cents - v_row.refunded_cents, 0) else 0 end;
  update public.payment_attempts a set
    refunded_cents = greatest(a.refunded_cents, p_amount_refunded_cents),
    latest_charge_id = coalesce(a.latest_charge_id, p_charge_id)
  where a.id = v_row.id;
  return query select v_row.id, v_row.clinic_id, v_row.target_kind, v_row.target_id, v_row.currency::text, v_delta;
end
$$;
comment on function private.record_payment_refund(text,text,bigint) is 'Raises an attempt''s refunded total to Stripe''s cumulative amount (never lowers it); returns the growth.';
revoke all on function private.record_payment_refund(text,text,bigint) from public, anon, authenticated;

-- A dispute freezes money: the clinic's owners and admins are told through the outbox, once per dispute.
create function private.record_payment_dispute(
  p_payment_intent_id text, p_charge_id text, p_dispute_id text, p_amount_cents bigint, p_currency text, p_reason text
) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_row public.payment_attempts;
  v_clinic public.clinics;
  v_member record;
begin
  select * into v_row from public.payment_attempts a
  where a.payment_intent_id = p_payment_intent_id or (p_charge_id is not null and a.latest_charge_id = p_charge_id)
  order by a.payment_intent_id = p_payment_intent_id desc
  limit 1
  for update;
  if not found then
    return null;
  end if;
  update public.payment_attempts a set disputed_at = coalesce(a.disputed_at, now()) where a.id = v_row.id;
  select * into v_clinic from public.clinics c where c.id = v_row.clinic_id;
  for v_member in
    select u.id, u.email::text as email, u.locale from public.clinic_memberships m join public.users u on u.id = m.user_id
    where m.clinic_id = v_row.clinic_id and m.role in ('owner', 'admin')
  loop
    perform private.enqueue_message(
      v_row.clinic_id, v_member.id, 'email', v_member.email, 'payment.dispute_opened', v_member.locale,
      jsonb_build_object(
        'clinic_name', v_clinic.name, 'amount_cents', p_amount_cents, 'currency', upper(p_currency),
        'reason', p_reason, 'payment_intent_id', p_payment_intent_id, 'target_kind', v_row.target_kind,
        'target_id', v_row.target_id
      ),
      'stripe_dispute:' || p_dispute_id || ':' || v_member.id
    );
  end loop;
  return v_row.id;
end
$$;
comment on function private.record_payment_dispute(text,text,text,bigint,text,text) is 'Marks the disputed attempt and emails the clinic''s owners and admins (deduplicated per dispute and person).';
revoke all on function private.record_payment_dispute(text,text,text,bigint,text,text) from public, anon, authenticated;

create function private.update_payment_account_status(
  p_stripe_account_id text, p_charges_enabled boolean, p_payouts_enabled boolean, p_details_submitted boolean,
  p_event_created_at timestamptz
) returns uuid
language sql
set search_path = ''
as $$
  update public.clinic_payment_accounts a set
    charges_enabled = p_charges_enabled, payouts_enabled = p_payouts_enabled,
    details_submitted = p_details_submitted, status_event_at = p_event_created_at
  where a.stripe_account_id = p_stripe_account_id
    and (a.status_event_at is null or a.status_event_at <= p_event_created_at)
  returning a.clinic_id
$$;
comment on function private.update_payment_account_status(text,boolean,boolean,boolean,timestamptz) is 'Copies a connected account''s capabilities from account.updated; an older event never overwrites a newer one.';
revoke all on function private.update_payment_account_status(text,boolean,boolean,boolean,timestamptz) from public, anon, authenticated;

create function private.save_payment_method(
  p_clinic_id uuid, p_client_id uuid, p_setup_intent_id text, p_payment_method_id text, p_customer_id text
) returns uuid
language plpgsql
set search_path = ''
as $$
declare
  v_id uuid;
begin
  -- metadata names the client; one from another clinic (or none) is ignored, not trusted
  if not exists (select 1 from public.clients c where c.id = p_client_id and c.clinic_id = p_clinic_id) then
    return null;
  end if;
  insert into public.saved_payment_methods (clinic_id, client_id, setup_intent_id, payment_method_id, stripe_customer_id)
  values (p_clinic_id, p_client_id, p_setup_intent_id, p_payment_method_id, p_customer_id)
  on conflict (setup_intent_id) do nothing
  returning id into v_id;
  return v_id;
end
$$;
comment on function private.save_payment_method(uuid,uuid,text,text,text) is 'Keeps the card a client saved through a SetupIntent, once per SetupIntent; ignores a client of another clinic.';
revoke all on function private.save_payment_method(uuid,uuid,text,text,text) from public, anon, authenticated;
