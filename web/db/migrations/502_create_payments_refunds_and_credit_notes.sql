-- Why: payments raced invoices on the old platform and could be applied twice. Here ONE function,
-- private.apply_payment, applies every payment (cash, card terminal, bank transfer now; Stripe card payments
-- from the webhook later, through the system path) under the invoice's row lock:
--
-- * The same payment is never applied twice: each carries an idempotency key, unique per clinic, and an
--   optional provider reference (a Stripe PaymentIntent or charge id), unique per provider. A replay returns
--   the row already recorded; the same key with a different amount, method or invoice is refused.
-- * The balance never goes below zero. An overpayment is refused, not kept as client credit: credit held for a
--   client is money owed without an invoice and would need a ledger of its own (and for card payments it
--   would mean capturing more than was owed); at the desk staff give change instead. The check constraint
--   invoices_paid_within_total backs the lock up.
-- * Status follows the balance: paid when nothing is owed, partially_paid when something was paid.
--
-- Refunds come from one payment (never more than it less its earlier refunds) and each issues a credit note
-- with its own gapless series per clinic and year (CN-2026-000007). Sign convention: a credit note's amount is
-- stored positive and means "this much less is owed on the invoice"; printed documents show it negative. So a
-- refund lowers both what was paid (refunded_minor) and what is owed (credited_minor) by the same amount, and
-- the balance is unchanged: balance = total - credited - (paid - refunded).
-- Payments, refunds and credit notes are an append-only ledger: triggers refuse edits and deletes (a payment
-- only accumulates its refunded amount).

create type public.payment_method as enum ('cash', 'card_terminal', 'bank_transfer', 'card_online');

create table public.payments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  invoice_id uuid not null,
  method public.payment_method not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  refunded_minor bigint not null default 0,
  idempotency_key text not null check (length(idempotency_key) between 8 and 200),
  provider text not null default 'clinic' check (provider in ('clinic', 'stripe')),
  provider_ref text check (provider_ref is null or length(provider_ref) between 1 and 255),
  reference text check (reference is null or length(reference) <= 200),
  received_at timestamptz not null default now(),
  recorded_by uuid references public.users (id) on delete set null,
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id),
  unique (clinic_id, id),
  constraint payments_idempotency_key unique (clinic_id, idempotency_key),
  constraint payments_provider_ref_key unique (provider, provider_ref),
  constraint payments_refund_within_amount check (refunded_minor between 0 and amount_minor)
);

create index payments_invoice_idx on public.payments (invoice_id);
create index payments_clinic_received_idx on public.payments (clinic_id, received_at);

alter table public.payments enable row level security;

create table public.credit_notes (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  invoice_id uuid not null,
  year integer not null check (year between 2000 and 9999),
  seq integer not null check (seq > 0),
  number text not null,
  -- positive: this much less is owed on the invoice (printed as a negative amount)
  amount_minor bigint not null check (amount_minor > 0),
  currency char(3) not null,
  reason text not null check (length(btrim(reason)) between 3 and 500),
  issued_at timestamptz not null default now(),
  issued_by uuid references public.users (id) on delete set null,
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id),
  unique (clinic_id, id),
  constraint credit_notes_number_key unique (clinic_id, year, seq),
  unique (clinic_id, number)
);

create index credit_notes_invoice_idx on public.credit_notes (invoice_id);

alter table public.credit_notes enable row level security;

create table public.refunds (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  invoice_id uuid not null,
  payment_id uuid not null,
  credit_note_id uuid not null,
  amount_minor bigint not null check (amount_minor > 0),
  reason text not null check (length(btrim(reason)) between 3 and 500),
  idempotency_key text not null check (length(idempotency_key) between 8 and 200),
  provider text not null default 'clinic' check (provider in ('clinic', 'stripe')),
  provider_ref text check (provider_ref is null or length(provider_ref) between 1 and 255),
  refunded_at timestamptz not null default now(),
  refunded_by uuid references public.users (id) on delete set null,
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id),
  foreign key (clinic_id, payment_id) references public.payments (clinic_id, id),
  foreign key (clinic_id, credit_note_id) references public.credit_notes (clinic_id, id),
  constraint refunds_idempotency_key unique (clinic_id, idempotency_key),
  constraint refunds_provider_ref_key unique (provider, provider_ref)
);

create index refunds_payment_idx on public.refunds (payment_id);
create index refunds_clinic_refunded_idx on public.refunds (clinic_id, refunded_at);

alter table public.refunds enable row level security;

revoke all on table public.payments, public.credit_notes, public.refunds from public, anon, authenticated;
grant select on public.payments, public.credit_notes, public.refunds to authenticated;

create policy "staff can read their clinic's payments" on public.payments
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clients can read the payments of their own invoices" on public.payments
  for select to authenticated using (private.is_own_invoice(invoice_id));
create policy "staff can read their clinic's credit notes" on public.credit_notes
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clients can read the credit notes of their own invoices" on public.credit_notes
  for select to authenticated using (private.is_own_invoice(invoice_id));
create policy "staff can read their clinic's refunds" on public.refunds
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clients can read the refunds of their own invoices" on public.refunds
  for select to authenticated using (private.is_own_invoice(invoice_id));

create function private.guard_billing_ledger() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  -- a payment only accumulates what was refunded from it; everything else in the ledger is written once
  -- (jsonb, not new.refunded_minor: the same trigger runs on tables without that column)
  if tg_op = 'UPDATE' and tg_table_name = 'payments'
     and (to_jsonb(new) - 'refunded_minor') = (to_jsonb(old) - 'refunded_minor')
     and (to_jsonb(new) ->> 'refunded_minor')::bigint >= (to_jsonb(old) ->> 'refunded_minor')::bigint then
    return new;
  end if;
  raise exception 'ledger_immutable' using errcode = 'VT409', detail = 'Payments, refunds and credit notes cannot be changed or deleted.';
end
$$;
comment on function private.guard_billing_ledger() is 'Trigger: payments, refunds and credit notes are append-only (a payment''s refunded amount only grows).';
revoke all on function private.guard_billing_ledger() from public, anon, authenticated;

create trigger payments_guard_ledger before update or delete on public.payments
  for each row execute function private.guard_billing_ledger();
create trigger credit_notes_guard_ledger before update or delete on public.credit_notes
  for each row execute function private.guard_billing_ledger();
create trigger refunds_guard_ledger before update or delete on public.refunds
  for each row execute function private.guard_billing_ledger();

create function private.invoice_status_for(p_invoice public.invoices) returns public.invoice_status
language sql immutable
set search_path = ''
as $$
  select case
    when p_invoice.total_minor - p_invoice.credited_minor - (p_invoice.paid_minor - p_invoice.refunded_minor) = 0 then 'paid'
    when p_invoice.paid_minor - p_invoice.refunded_minor > 0 then 'partially_paid'
    else 'issued' end::public.invoice_status
$$;
comment on function private.invoice_status_for(public.invoices) is 'The status an issued invoice''s amounts imply: paid (nothing owed), partially_paid, or issued.';
revoke all on function private.invoice_status_for(public.invoices) from public, anon, authenticated;

-- THE payment function. Invoker rights: staff reach it through public.record_payment (security definer body),
-- the Stripe webhook will reach it through the system path. It trusts its caller for p_recorded_by only.
create function private.apply_payment(
  p_invoice_id uuid, p_method public.payment_method, p_amount_minor bigint, p_idempotency_key text,
  p_provider text, p_provider_ref text, p_reference text, p_recorded_by uuid
) returns public.payments
language plpgsql
set search_path = ''
as $$
declare
  v_invoice public.invoices;
  v_payment public.payments;
  v_balance bigint;
begin
  -- the guard: payments of one invoice queue here, each sees the balance the previous one committed
  select * into v_invoice from public.invoices where id = p_invoice_id for update;
  if not found then
    raise exception 'invoice_not_found' using errcode = 'VT404', detail = 'That invoice does not exist.';
  end if;
  select * into v_payment from public.payments p
   where (p.clinic_id = v_invoice.clinic_id and p.idempotency_key = p_idempotency_key)
      or (p_provider_ref is not null and p.provider = p_provider and p.provider_ref = p_provider_ref)
   limit 1;
  if found then
    if v_payment.invoice_id <> p_invoice_id or v_payment.amount_minor <> p_amount_minor or v_payment.method <> p_method then
      raise exception 'idempotency_key_reused' using errcode = 'VT422', column = 'idempotency_key', detail = 'This payment key was already used for a different payment.';
    end if;
    return v_payment; -- a replay: the payment recorded the first time
  end if;
  if v_invoice.status not in ('issued', 'partially_paid', 'paid') then
    raise exception 'invoice_not_payable' using errcode = 'VT409', detail = 'Only an issued invoice can be paid.';
  end if;
  if p_amount_minor is null or p_amount_minor <= 0 then
    raise exception 'invalid_amount' using errcode = 'VT422', column = 'amount_minor', detail = 'The amount must be more than zero.';
  end if;
  v_balance := v_invoice.total_minor - v_invoice.credited_minor - (v_invoice.paid_minor - v_invoice.refunded_minor);
  if p_amount_minor > v_balance then
    raise exception 'payment_exceeds_balance' using errcode = 'VT409', column = 'amount_minor',
      detail = format('The payment is more than the %s minor units still owed; overpayments are not accepted.', v_balance);
  end if;
  insert into public.payments (clinic_id, invoice_id, method, amount_minor, currency, idempotency_key, provider, provider_ref, reference, recorded_by)
  values (v_invoice.clinic_id, p_invoice_id, p_method, p_amount_minor, v_invoice.currency, p_idempotency_key,
          coalesce(p_provider, 'clinic'), p_provider_ref, nullif(btrim(p_reference), ''), p_recorded_by)
  returning * into v_payment;
  v_invoice.paid_minor := v_invoice.paid_minor + p_amount_minor;
  update public.invoices set paid_minor = v_invoice.paid_minor, status = private.invoice_status_for(v_invoice)
   where id = p_invoice_id;
  return v_payment;
end
$$;
comment on function private.apply_payment(uuid,public.payment_method,bigint,text,text,text,text,uuid) is 'Applies one payment to an invoice under its row lock: never twice (idempotency key / provider ref; a replay returns the recorded row), never beyond the balance (overpayment refused), status moved to partially_paid or paid.';
revoke all on function private.apply_payment(uuid,public.payment_method,bigint,text,text,text,text,uuid) from public, anon, authenticated;

create function private.record_payment(
  p_invoice_id uuid, p_method public.payment_method, p_amount_minor bigint, p_idempotency_key text, p_reference text
) returns public.payments
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invoice public.invoices;
begin
  select * into v_invoice from public.invoices where id = p_invoice_id;
  if not found or not private.has_clinic_role(v_invoice.clinic_id) then
    raise exception 'invoice_not_found' using errcode = 'VT404', detail = 'That invoice does not exist.';
  end if;
  if p_method = 'card_online' then
    raise exception 'invalid_method' using errcode = 'VT422', column = 'method', detail = 'Online card payments are recorded by the payment provider.';
  end if;
  return private.apply_payment(p_invoice_id, p_method, p_amount_minor, p_idempotency_key, 'clinic', null, p_reference,
                               private.require_clinic_role(v_invoice.clinic_id));
end
$$;
comment on function private.record_payment(uuid,public.payment_method,bigint,text,text) is 'Security definer body of public.record_payment.';
revoke all on function private.record_payment(uuid,public.payment_method,bigint,text,text) from public, anon, authenticated;
grant execute on function private.record_payment(uuid,public.payment_method,bigint,text,text) to authenticated;

create function public.record_payment(
  p_invoice_id uuid, p_method public.payment_method, p_amount_minor bigint, p_idempotency_key text, p_reference text default null
) returns setof public.payments
language sql
set search_path = ''
as $$ select * from private.record_payment(p_invoice_id, p_method, p_amount_minor, p_idempotency_key, p_reference) $$;
comment on function public.record_payment(uuid,public.payment_method,bigint,text,text) is 'Staff record a cash, card terminal or bank transfer payment (through private.apply_payment: once per key, never beyond the balance).';
revoke all on function public.record_payment(uuid,public.payment_method,bigint,text,text) from public, anon, authenticated;
grant execute on function public.record_payment(uuid,public.payment_method,bigint,text,text) to authenticated;

create function private.refund_payment(p_payment_id uuid, p_amount_minor bigint, p_reason text, p_idempotency_key text)
returns public.refunds
language plpgsql security definer
set search_path = ''
as $$
declare
  v_payment public.payments;
  v_invoice public.invoices;
  v_refund public.refunds;
  v_note public.credit_notes;
  v_year integer;
begin
  select * into v_payment from public.payments where id = p_payment_id;
  if not found or not private.has_clinic_role(v_payment.clinic_id) then
    raise exception 'payment_not_found' using errcode = 'VT404', detail = 'That payment does not exist.';
  end if;
  -- the invoice first, as apply_payment does: one lock order, no deadlock between a payment and a refund
  v_invoice := private.lock_invoice_for_staff(v_payment.invoice_id, array['owner', 'admin']::public.staff_role[]);
  select * into v_payment from public.payments where id = p_payment_id for update;
  select * into v_refund from public.refunds r where r.clinic_id = v_payment.clinic_id and r.idempotency_key = p_idempotency_key;
  if found then
    if v_refund.payment_id <> p_payment_id or v_refund.amount_minor <> p_amount_minor then
      raise exception 'idempotency_key_reused' using errcode = 'VT422', column = 'idempotency_key', detail = 'This refund key was already used for a different refund.';
    end if;
    return v_refund;
  end if;
  if length(btrim(coalesce(p_reason, ''))) not between 3 and 500 then
    raise exception 'reason_required' using errcode = 'VT422', column = 'reason', detail = 'Say why the payment is refunded (3-500 characters).';
  end if;
  if p_amount_minor is null or p_amount_minor <= 0 then
    raise exception 'invalid_amount' using errcode = 'VT422', column = 'amount_minor', detail = 'The amount must be more than zero.';
  end if;
  if p_amount_minor > v_payment.amount_minor - v_payment.refunded_minor then
    raise exception 'refund_exceeds_payment' using errcode = 'VT409', column = 'amount_minor',
      detail = format('At most %s minor units of this payment can still be refunded.', v_payment.amount_minor - v_payment.refunded_minor);
  end if;
  select extract(year from now() at time zone c.time_zone)::integer into v_year from public.clinics c where c.id = v_payment.clinic_id;
  insert into public.credit_notes (clinic_id, invoice_id, year, seq, number, amount_minor, currency, reason, issued_by)
  select v_payment.clinic_id, v_payment.invoice_id, v_year, s.seq, private.format_document_number('CN-', v_year, s.seq),
         p_amount_minor, v_payment.currency, btrim(p_reason), private.current_user_id()
    from (select private.next_document_number(v_payment.clinic_id, 'credit_note', v_year) as seq) s
  returning * into v_note;
  insert into public.refunds (clinic_id, invoice_id, payment_id, credit_note_id, amount_minor, reason, idempotency_key, refunded_by)
  values (v_payment.clinic_id, v_payment.invoice_id, p_payment_id, v_note.id, p_amount_minor, btrim(p_reason), p_idempotency_key, private.current_user_id())
  returning * into v_refund;
  update public.payments set refunded_minor = refunded_minor + p_amount_minor where id = p_payment_id;
  v_invoice.refunded_minor := v_invoice.refunded_minor + p_amount_minor;
  v_invoice.credited_minor := v_invoice.credited_minor + p_amount_minor;
  update public.invoices
     set refunded_minor = v_invoice.refunded_minor, credited_minor = v_invoice.credited_minor,
         status = case when v_invoice.status = 'void' then v_invoice.status else private.invoice_status_for(v_invoice) end
   where id = v_invoice.id;
  return v_refund;
end
$$;
comment on function private.refund_payment(uuid,bigint,text,text) is 'Security definer body of public.refund_payment.';
revoke all on function private.refund_payment(uuid,bigint,text,text) from public, anon, authenticated;
grant execute on function private.refund_payment(uuid,bigint,text,text) to authenticated;

create function public.refund_payment(p_payment_id uuid, p_amount_minor bigint, p_reason text, p_idempotency_key text)
returns setof public.refunds
language sql
set search_path = ''
as $$ select * from private.refund_payment(p_payment_id, p_amount_minor, p_reason, p_idempotency_key) $$;
comment on function public.refund_payment(uuid,bigint,text,text) is 'Owners and admins refund (part of) a recorded payment, never more than it less earlier refunds; each refund issues a credit note (CN-YYYY-NNNNNN). Replays of a key return the first refund.';
revoke all on function public.refund_payment(uuid,bigint,text,text) from public, anon, authenticated;
grant execute on function public.refund_payment(uuid,bigint,text,text) to authenticated;

-- Security invoker: staff read payments and refunds under RLS; the role check makes a non-member's call an
-- error instead of an empty list.
create function public.daily_takings(p_clinic_id uuid, p_day date default null)
returns table (day date, method public.payment_method, payments_count integer, received_minor bigint, refunded_minor bigint, net_minor bigint, currency text)
language plpgsql stable
set search_path = ''
as $$
declare
  v_tz text;
  v_day date;
  v_currency text;
begin
  perform private.require_clinic_role(p_clinic_id);
  select c.time_zone, c.currency into v_tz, v_currency from public.clinics c where c.id = p_clinic_id;
  v_day := coalesce(p_day, (now() at time zone v_tz)::date);
  -- the clinic's day, from its local midnight to the next (23 or 25 hours across a daylight-saving change)
  return query
    with bounds as (select (v_day::timestamp at time zone v_tz) as lo, ((v_day + 1)::timestamp at time zone v_tz) as hi),
    received as (
      select p.method, count(*)::integer as n, sum(p.amount_minor)::bigint as amount
        from public.payments p, bounds b
       where p.clinic_id = p_clinic_id and p.received_at >= b.lo and p.received_at < b.hi
       group by p.method),
    returned as (
      select p.method, sum(r.amount_minor)::bigint as amount
        from public.refunds r join public.payments p on p.id = r.payment_id, bounds b
       where r.clinic_id = p_clinic_id and r.refunded_at >= b.lo and r.refunded_at < b.hi
       group by p.method)
    select v_day, m.method, coalesce(rc.n, 0), coalesce(rc.amount, 0::bigint), coalesce(rt.amount, 0::bigint),
           coalesce(rc.amount, 0::bigint) - coalesce(rt.amount, 0::bigint), v_currency
      from unnest(enum_range(null::public.payment_method)) as m(method)
      left join received rc on rc.method = m.method
      left join returned rt on rt.method = m.method
     order by m.method;
end
$$;
comment on function public.daily_takings(uuid,date) is 'Money received and refunded per payment method on one day in the clinic''s time zone (today by default), for closing the till; staff only.';
revoke all on function public.daily_takings(uuid,date) from public, anon, authenticated;
grant execute on function public.daily_takings(uuid,date) to authenticated;
