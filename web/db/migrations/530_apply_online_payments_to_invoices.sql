-- Why: a card payment confirmed by Stripe must reach the invoice it paid, exactly once, through the same
-- private.apply_payment that desk payments use (the invoice's lock, the balance check, the replay guard), and
-- a refund made at Stripe must reach the invoice with a credit note, once. The webhook calls these on the
-- system path, inside the transaction that records the Stripe event:
--
-- * private.apply_online_invoice_payment checks the target (payment_attempts.target_id has no foreign key: the
--   invoice must exist in the attempt's clinic, in the attempt's currency) and applies the payment with
--   method card_online, provider 'stripe', provider_ref = the PaymentIntent id (the replay guard: unique per
--   provider). A payment that does not fit is NOT applied: a second tab that also paid, a stale tab paying an
--   old amount, an invoice paid at the desk or voided meanwhile. Its whole amount is marked refused on the
--   attempt (refused_cents) and the app refunds it through Stripe after the transaction commits (idempotency
--   key derived from the PaymentIntent), recording the refund id here when Stripe answers. Money taken is
--   therefore either on the invoice or on its way back, and the attempt row says which.
-- * private.record_online_invoice_refund brings what an online payment has refunded up to Stripe's cumulative
--   refunded amount for its charge, issuing a credit note for the difference. Staff refunds (recorded when
--   Stripe answers) and charge.refunded events (later, or earlier) both go through it under the invoice's
--   lock, so whichever comes second finds nothing left to record: never counted twice. A known refund id is
--   the row's provider_ref (unique per provider).

alter table public.payment_attempts
  add column refused_cents bigint not null default 0 check (refused_cents >= 0),
  add column refused_reason text,
  add column refused_refund_id text,
  add column refused_refunded_at timestamptz;

create index payment_attempts_refused_idx on public.payment_attempts (payment_intent_id)
  where refused_cents > 0 and refused_refund_id is null;

-- staff see why a payment was sent back; the column list of 520 plus the new columns
revoke all on table public.payment_attempts from public, anon, authenticated;
grant select (id, clinic_id, target_kind, target_id, attempt, amount_cents, currency, payment_intent_id, status,
  last_error_code, amount_received_cents, refunded_cents, disputed_at, succeeded_at, created_at, updated_at,
  refused_cents, refused_reason, refused_refund_id, refused_refunded_at)
  on public.payment_attempts to authenticated;

create function private.apply_online_invoice_payment(
  p_attempt_id uuid, p_clinic_id uuid, p_invoice_id uuid, p_amount_minor bigint, p_currency text,
  p_payment_intent_id text
) returns text
language plpgsql
set search_path = ''
as $$
declare
  v_invoice public.invoices;
  v_reason text;
begin
  select * into v_invoice from public.invoices i where i.id = p_invoice_id and i.clinic_id = p_clinic_id;
  if not found then
    v_reason := 'invoice_not_found';
  elsif v_invoice.currency <> upper(p_currency) then
    v_reason := 'currency_mismatch';
  else
    begin
      perform private.apply_payment(p_invoice_id, 'card_online', p_amount_minor, 'stripe:' || p_payment_intent_id,
                                    'stripe', p_payment_intent_id, null, null);
      return 'applied';
    exception when sqlstate 'VT409' then
      -- only the two refusals that mean "this money does not fit"; anything else fails the event (Stripe retries)
      get stacked diagnostics v_reason = message_text;
      if v_reason not in ('payment_exceeds_balance', 'invoice_not_payable') then
        raise;
      end if;
    end;
  end if;
  update public.payment_attempts a set refused_cents = p_amount_minor, refused_reason = v_reason
   where a.id = p_attempt_id and a.refused_cents = 0;
  return 'refused';
end
$$;
comment on function private.apply_online_invoice_payment(uuid,uuid,uuid,bigint,text,text) is 'System path (Stripe webhook): applies a succeeded PaymentIntent to its invoice through private.apply_payment (card_online, provider_ref = the PaymentIntent id), or marks the attempt refused when it does not fit (overpayment, invoice no longer payable, wrong target); refused money is refunded by the app.';
revoke all on function private.apply_online_invoice_payment(uuid,uuid,uuid,bigint,text,text) from public, anon, authenticated;

create function private.record_online_invoice_refund(
  p_clinic_id uuid, p_payment_intent_id text, p_refunded_total bigint, p_refund_ref text, p_reason text,
  p_refunded_by uuid
) returns public.refunds
language plpgsql
set search_path = ''
as $$
declare
  v_payment public.payments;
  v_invoice public.invoices;
  v_refund public.refunds;
  v_note public.credit_notes;
  v_amount bigint;
  v_year integer;
  v_ref text;
begin
  select * into v_payment from public.payments p
   where p.provider = 'stripe' and p.provider_ref = p_payment_intent_id and p.clinic_id = p_clinic_id;
  if not found then
    return null; -- never applied (a refused payment, refunded as a whole by the app): nothing on an invoice
  end if;
  -- the invoice first, then the payment: the lock order of apply_payment and refund_payment
  select * into v_invoice from public.invoices where id = v_payment.invoice_id for update;
  select * into v_payment from public.payments where id = v_payment.id for update;
  if p_refund_ref is not null then
    select * into v_refund from public.refunds r where r.provider = 'stripe' and r.provider_ref = p_refund_ref;
    if found then
      return v_refund;
    end if;
  end if;
  v_amount := least(p_refunded_total, v_payment.amount_minor) - v_payment.refunded_minor;
  if v_amount <= 0 then
    return null; -- already recorded (by the staff request or an earlier event)
  end if;
  v_ref := coalesce(p_refund_ref, p_payment_intent_id || ':refunded:' || least(p_refunded_total, v_payment.amount_minor));
  select extract(year from now() at time zone c.time_zone)::integer into v_year from public.clinics c where c.id = v_payment.clinic_id;
  insert into public.credit_notes (clinic_id, invoice_id, year, seq, number, amount_minor, currency, reason, issued_by)
  select v_payment.clinic_id, v_payment.invoice_id, v_year, s.seq, private.format_document_number('CN-', v_year, s.seq),
         v_amount, v_payment.currency, btrim(p_reason), p_refunded_by
    from (select private.next_document_number(v_payment.clinic_id, 'credit_note', v_year) as seq) s
  returning * into v_note;
  insert into public.refunds (clinic_id, invoice_id, payment_id, credit_note_id, amount_minor, reason, idempotency_key,
                              provider, provider_ref, refunded_by)
  values (v_payment.clinic_id, v_payment.invoice_id, v_payment.id, v_note.id, v_amount, btrim(p_reason),
          'stripe:' || v_ref, 'stripe', v_ref, p_refunded_by)
  returning * into v_refund;
  update public.payments set refunded_minor = refunded_minor + v_amount where id = v_payment.id;
  v_invoice.refunded_minor := v_invoice.refunded_minor + v_amount;
  v_invoice.credited_minor := v_invoice.credited_minor + v_amount;
  update public.invoices
     set refunded_minor = v_invoice.refunded_minor, credited_minor = v_invoice.credited_minor,
         status = case when v_invoice.status = 'void' then v_invoice.status else private.invoice_status_for(v_invoice) end
   where id = v_invoice.id;
  return v_refund;
end
$$;
comment on function private.record_online_invoice_refund(uuid,text,bigint,text,text,uuid) is 'System path: records refunds of an online payment up to Stripe''s cumulative refunded amount (a credit note for the difference, none when already recorded); a known refund id is the provider_ref.';
revoke all on function private.record_online_invoice_refund(uuid,text,bigint,text,text,uuid) from public, anon, authenticated;

-- Staff ask before the app calls Stripe: owners and admins only, an online payment of their clinic, an amount
-- within what is left of it. The refund itself is recorded when Stripe answers (above).
create function private.prepare_online_refund(p_payment_id uuid, p_amount_minor bigint)
returns table (clinic_id uuid, invoice_id uuid, payment_intent_id text, stripe_account_id text, refunded_by uuid)
language plpgsql security definer
set search_path = ''
as $$
declare
  v_payment public.payments;
  v_account text;
begin
  select * into v_payment from public.payments p where p.id = p_payment_id;
  if not found or not private.has_clinic_role(v_payment.clinic_id) then
    raise exception 'payment_not_found' using errcode = 'VT404', detail = 'That payment does not exist.';
  end if;
  perform private.require_clinic_role(v_payment.clinic_id, array['owner', 'admin']::public.staff_role[]);
  if v_payment.method <> 'card_online' or v_payment.provider <> 'stripe' then
    raise exception 'invalid_method' using errcode = 'VT422', column = 'method', detail = 'Only online card payments are refunded through Stripe.';
  end if;
  if p_amount_minor is null or p_amount_minor <= 0 then
    raise exception 'invalid_amount' using errcode = 'VT422', column = 'amount_minor', detail = 'The amount must be more than zero.';
  end if;
  if p_amount_minor > v_payment.amount_minor - v_payment.refunded_minor then
    raise exception 'refund_exceeds_payment' using errcode = 'VT409', column = 'amount_minor',
      detail = format('At most %s minor units of this payment can still be refunded.', v_payment.amount_minor - v_payment.refunded_minor);
  end if;
  select a.stripe_account_id into v_account from public.payment_attempts a where a.payment_intent_id = v_payment.provider_ref;
  return query select v_payment.clinic_id, v_payment.invoice_id, v_payment.provider_ref, v_account, private.current_user_id();
end
$$;
comment on function private.prepare_online_refund(uuid,bigint) is 'Security definer body of public.prepare_online_refund.';
revoke all on function private.prepare_online_refund(uuid,bigint) from public, anon, authenticated;
grant execute on function private.prepare_online_refund(uuid,bigint) to authenticated;

create function public.prepare_online_refund(p_payment_id uuid, p_amount_minor bigint)
returns table (clinic_id uuid, invoice_id uuid, payment_intent_id text, stripe_account_id text, refunded_by uuid)
language sql
set search_path = ''
as $$ select * from private.prepare_online_refund(p_payment_id, p_amount_minor) $$;
comment on function public.prepare_online_refund(uuid,bigint) is 'Owners and admins: checks a refund of an online card payment (amount within what is left) and returns what the Stripe refund needs; recording happens when Stripe answers.';
revoke all on function public.prepare_online_refund(uuid,bigint) from public, anon, authenticated;
grant execute on function public.prepare_online_refund(uuid,bigint) to authenticated;
