-- Why: a desk refund only records that money was handed back. For an online card payment the money must go
-- back through Stripe (web/lib/billing/refund-online-payment.ts, recorded by private.record_online_invoice_refund
-- when Stripe answers), so the desk path now refuses card_online payments in SQL too: without this, an owner
-- calling public.refund_payment directly could record a refund Stripe never made. The body is 502's with that
-- one check added.

create or replace function private.refund_payment(p_payment_id uuid, p_amount_minor bigint, p_reason text, p_idempotency_key text)
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
  if v_payment.method = 'card_online' then
    raise exception 'refund_through_provider' using errcode = 'VT409', column = 'payment_id',
      detail = 'An online card payment is refunded through the payment provider.';
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
