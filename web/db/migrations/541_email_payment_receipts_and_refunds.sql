-- Why: the client gets a receipt for every payment applied to their invoice and a notice for every refund
-- (with its credit note's number), whatever path wrote them: staff at the desk, the Stripe webhook, or a
-- future source. So the mails hang off the ledger itself: a constraint trigger on payments and on refunds,
-- deferred to the end of the transaction so it reads the invoice's final balance, enqueues one outbox row
-- per ledger row (dedupe keys payment.receipt:<payment id> and refund.issued:<refund id>; a ledger row is
-- written once, so once per event). The invoice-issued mail also gains the portal link to the PDF; every link
-- needs the client's sign-in.

create function private.enqueue_invoice_message(p_invoice_id uuid, p_template text, p_extra jsonb, p_dedupe_key text)
returns uuid
language sql
set search_path = ''
as $$
  select private.enqueue_message(
    i.clinic_id, cl.user_id, 'email', r.email, p_template,
    coalesce(cl.locale, u.locale, c.default_locale, 'en'),
    jsonb_build_object('clinic_name', c.name, 'client_name', cl.full_name, 'number', i.number,
      'total_minor', i.total_minor, 'currency', i.currency,
      'balance_minor', i.total_minor - i.credited_minor - (i.paid_minor - i.refunded_minor),
      'path', '/' || c.slug || '/portal/invoices/' || i.id,
      'pdf_path', '/' || c.slug || '/portal/invoices/' || i.id || '/pdf') || coalesce(p_extra, '{}'::jsonb),
    p_dedupe_key)
    from public.invoices i
    join public.clinics c on c.id = i.clinic_id
    join public.clients cl on cl.id = i.client_id
    left join public.users u on u.id = cl.user_id
    cross join lateral (select coalesce(cl.email::text, u.email::text) as email) r
   where i.id = p_invoice_id and r.email is not null
$$;
comment on function private.enqueue_invoice_message(uuid,text,jsonb,text) is 'Outbox email to an invoice''s client (clinic, number, total, balance, portal and PDF paths, plus p_extra); none without an address; a repeated dedupe key is a no-op.';
revoke all on function private.enqueue_invoice_message(uuid,text,jsonb,text) from public, anon, authenticated;

create or replace function private.enqueue_invoice_issued(p_invoice public.invoices) returns uuid
language sql
set search_path = ''
as $$ select private.enqueue_invoice_message(p_invoice.id, 'invoice.issued', null, 'invoice.issued:' || p_invoice.id) $$;
comment on function private.enqueue_invoice_issued(public.invoices) is 'Outbox email to the client that their invoice was issued (number, total, links to the portal invoice and its PDF, both behind sign-in); none without an address.';
revoke all on function private.enqueue_invoice_issued(public.invoices) from public, anon, authenticated;

-- Security definer: the ledger rows are written by staff functions and by the system path; users may not call
-- enqueue_message themselves.
create function private.enqueue_payment_receipt() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.enqueue_invoice_message(new.invoice_id, 'payment.receipt',
    jsonb_build_object('amount_minor', new.amount_minor, 'method', new.method, 'received_at', new.received_at),
    'payment.receipt:' || new.id);
  return null;
end
$$;
comment on function private.enqueue_payment_receipt() is 'Trigger (deferred to commit): a receipt email to the client for each payment applied to their invoice.';
revoke all on function private.enqueue_payment_receipt() from public, anon, authenticated;

create constraint trigger payments_email_receipt after insert on public.payments
  deferrable initially deferred for each row execute function private.enqueue_payment_receipt();

create function private.enqueue_refund_notice() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.enqueue_invoice_message(new.invoice_id, 'refund.issued',
    jsonb_build_object('amount_minor', new.amount_minor, 'credit_note_number', n.number, 'reason', new.reason),
    'refund.issued:' || new.id)
    from public.credit_notes n where n.id = new.credit_note_id;
  return null;
end
$$;
comment on function private.enqueue_refund_notice() is 'Trigger (deferred to commit): an email to the client for each refund, naming its credit note.';
revoke all on function private.enqueue_refund_notice() from public, anon, authenticated;

create constraint trigger refunds_email_notice after insert on public.refunds
  deferrable initially deferred for each row execute function private.enqueue_refund_notice();
