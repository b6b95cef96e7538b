-- Why: an issued invoice cannot change (501), and until now the only credit note was the by-product of a
-- refund (502, 530). Staff had no way to correct a line billed by mistake or give a goodwill discount on an
-- invoice that is still owed without inventing a payment to refund. public.issue_credit_note is that
-- correction: a credit note of kind 'correction', in the same gapless CN series as refund credit notes.
--
-- Design: line reversals. The caller names lines of the invoice and, for each, an amount to credit in the
-- same terms as the line's printed amount (tax-exclusive when the invoice's prices exclude tax, inclusive
-- otherwise): the whole line amount reverses a line billed by mistake, part of it is a discount. A line can
-- never be credited beyond its own amount (earlier corrective credits of it counted). The note's tax is then
-- computed exactly as the invoice's was (501's rule, private.apply_tax_rule): credited amounts grouped by the
-- rate captured on their lines, tax per rate, never per line. The per-rate net/tax/gross is stored in
-- credit_note_taxes, so a tax report nets a rate's invoices against its credit notes by a plain sum; the
-- note's amount_minor is the sum of the gross. (Crediting a whole invoice in one note gives back exactly its
-- total; crediting it in several notes may round to one minor unit more or less per rate, and the balance
-- check below refuses the unit too many.) Refund credit notes carry no lines and no tax breakdown: they
-- return money, and stay as 502 made them.
--
-- Under the invoice's row lock (the guard; corrections queue behind each other, payments and refunds):
-- * what is credited never exceeds what is still owed: balance = total - credited - (paid - refunded). Money
--   already paid is not "owed"; giving it back is a refund of the payment (which issues its own credit
--   note), and the error says so.
-- * the idempotency key is unique per clinic among credit notes (credit_notes_idempotency_key): a replay
--   returns the note issued the first time, the same key with other lines or amounts is refused.
-- * credited_minor grows and the status follows private.invoice_status_for. An invoice credited down to zero
--   reads 'paid' (nothing owed), as an invoice fully refunded already does; no new status, because the status
--   answers "is anything owed?" and the ledger (payments, refunds, credit notes) shows how it was settled. A
--   'credited' status would also have to be taught to every payment, void and report path for no new answer.
-- Only owners and admins issue them, as for refunds and voids (billing.manage). Credit notes, their lines
-- and their taxes are append-only like the rest of the ledger (private.guard_billing_ledger). The client gets
-- an email at commit (constraint trigger, as 541 does for refunds), once per note.

alter table public.credit_notes
  add column kind text not null default 'refund' check (kind in ('refund', 'correction')),
  add column idempotency_key text check (idempotency_key is null or length(idempotency_key) between 8 and 200),
  add constraint credit_notes_idempotency_key unique (clinic_id, idempotency_key),
  add constraint credit_notes_correction_has_key check (kind = 'refund' or idempotency_key is not null);

-- lets a credited line name its invoice too, so the database itself keeps a credit on its own invoice's lines
alter table public.invoice_lines add constraint invoice_lines_invoice_id_id_key unique (invoice_id, id);

create table public.credit_note_lines (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  invoice_id uuid not null,
  credit_note_id uuid not null,
  invoice_line_id uuid not null,
  position integer not null check (position between 1 and 200),
  description text not null,
  -- in the invoice's price terms (the line's own amount column): net when prices exclude tax, else gross
  amount_minor bigint not null check (amount_minor > 0),
  tax_rate_name text not null,
  tax_basis_points integer not null check (tax_basis_points between 0 and 10000),
  foreign key (clinic_id, credit_note_id) references public.credit_notes (clinic_id, id),
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id),
  foreign key (invoice_id, invoice_line_id) references public.invoice_lines (invoice_id, id),
  unique (credit_note_id, position),
  unique (credit_note_id, invoice_line_id)
);

create index credit_note_lines_invoice_line_idx on public.credit_note_lines (invoice_line_id);
create index credit_note_lines_invoice_idx on public.credit_note_lines (invoice_id);

alter table public.credit_note_lines enable row level security;

create table public.credit_note_taxes (
  clinic_id uuid not null,
  invoice_id uuid not null,
  credit_note_id uuid not null,
  basis_points integer not null check (basis_points between 0 and 10000),
  rate_name text not null,
  net_minor bigint not null check (net_minor >= 0),
  tax_minor bigint not null check (tax_minor >= 0),
  gross_minor bigint not null check (gross_minor > 0),
  primary key (credit_note_id, basis_points),
  foreign key (clinic_id, credit_note_id) references public.credit_notes (clinic_id, id),
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id),
  constraint credit_note_taxes_sum check (gross_minor = net_minor + tax_minor)
);

create index credit_note_taxes_invoice_idx on public.credit_note_taxes (invoice_id);
create index credit_note_taxes_clinic_idx on public.credit_note_taxes (clinic_id);

alter table public.credit_note_taxes enable row level security;

revoke all on table public.credit_note_lines, public.credit_note_taxes from public, anon, authenticated;
grant select on public.credit_note_lines, public.credit_note_taxes to authenticated;

create policy "staff can read their clinic's credit note lines" on public.credit_note_lines
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clients can read the credit note lines of their own invoices" on public.credit_note_lines
  for select to authenticated using (private.is_own_invoice(invoice_id));
create policy "staff can read their clinic's credit note taxes" on public.credit_note_taxes
  for select to authenticated using (private.has_clinic_role(clinic_id));
create policy "clients can read the credit note taxes of their own invoices" on public.credit_note_taxes
  for select to authenticated using (private.is_own_invoice(invoice_id));

create trigger credit_note_lines_guard_ledger before update or delete on public.credit_note_lines
  for each row execute function private.guard_billing_ledger();
create trigger credit_note_taxes_guard_ledger before update or delete on public.credit_note_taxes
  for each row execute function private.guard_billing_ledger();

-- The requested lines as rows, checked: a list of 1-200 {line_id, amount_minor}, each line once, each a
-- service or product line of this invoice, each amount within what is left of the line.
create function private.corrective_credit_lines(p_invoice public.invoices, p_lines jsonb)
returns table (pos integer, line_id uuid, description text, amount_minor bigint, tax_rate_name text, tax_basis_points integer)
language plpgsql stable
set search_path = ''
as $$
declare
  v_count integer;
begin
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) not between 1 and 200
     or exists (select 1 from jsonb_array_elements(p_lines) e where jsonb_typeof(e.value) <> 'object') then
    raise exception 'invalid_lines' using errcode = 'VT422', column = 'lines', detail = 'Name 1-200 lines of the invoice to credit.';
  end if;
  select count(*), count(distinct x.line_id) into v_count from jsonb_to_recordset(p_lines) as x(line_id uuid, amount_minor bigint);
  if v_count <> jsonb_array_length(p_lines)
     or exists (select 1 from jsonb_to_recordset(p_lines) as x(line_id uuid, amount_minor bigint) where x.line_id is null) then
    raise exception 'invalid_lines' using errcode = 'VT422', column = 'lines', detail = 'Each line is named once, by its id.';
  end if;
  if exists (select 1 from jsonb_to_recordset(p_lines) as x(line_id uuid, amount_minor bigint)
              where x.amount_minor is null or x.amount_minor <= 0) then
    raise exception 'invalid_amount' using errcode = 'VT422', column = 'lines', detail = 'Each amount must be more than zero.';
  end if;
  if exists (select 1 from jsonb_to_recordset(p_lines) as x(line_id uuid, amount_minor bigint)
              where not exists (select 1 from public.invoice_lines l
                                 where l.id = x.line_id and l.invoice_id = p_invoice.id and l.kind <> 'text')) then
    raise exception 'line_not_found' using errcode = 'VT422', column = 'lines', detail = 'A line named is not a service or product line of this invoice.';
  end if;
  return query
    select e.n::integer, l.id, l.description, x.amount_minor, l.tax_rate_name, l.tax_basis_points
      from jsonb_array_elements(p_lines) with ordinality as e(item, n)
     cross join lateral jsonb_to_record(e.item) as x(line_id uuid, amount_minor bigint)
      join public.invoice_lines l on l.id = x.line_id
     cross join lateral (
       select coalesce(sum(c.amount_minor), 0)::bigint as credited
         from public.credit_note_lines c where c.invoice_line_id = l.id) done
     where x.amount_minor <= private.line_amount(l.quantity, l.unit_price_minor, l.discount_minor) - done.credited
     order by e.n;
  get diagnostics v_count = row_count;
  if v_count <> jsonb_array_length(p_lines) then
    raise exception 'credit_exceeds_line' using errcode = 'VT409', column = 'lines', detail = 'A line cannot be credited beyond its amount less what was already credited of it.';
  end if;
end
$$;
comment on function private.corrective_credit_lines(public.invoices,jsonb) is 'The lines a corrective credit note asks for ({line_id, amount_minor} list), checked against the invoice: its own service/product lines, each once, each amount within what is left of the line; with the rate captured at issue.';
revoke all on function private.corrective_credit_lines(public.invoices,jsonb) from public, anon, authenticated;

create function private.issue_credit_note(p_invoice_id uuid, p_lines jsonb, p_reason text, p_idempotency_key text)
returns public.credit_notes
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invoice public.invoices;
  v_note public.credit_notes;
  v_lines jsonb;
  v_taxes jsonb;
  v_total bigint;
  v_balance bigint;
  v_year integer;
begin
  -- the guard: corrections, payments and refunds of one invoice queue here and see each other's commits
  select * into v_invoice from public.invoices where id = p_invoice_id for update;
  if not found or not private.has_clinic_role(v_invoice.clinic_id) then
    raise exception 'invoice_not_found' using errcode = 'VT404', detail = 'That invoice does not exist.';
  end if;
  perform private.require_clinic_role(v_invoice.clinic_id, array['owner', 'admin']::public.staff_role[]);
  if p_idempotency_key is null or length(p_idempotency_key) not between 8 and 200 then
    raise exception 'invalid_idempotency_key' using errcode = 'VT422', column = 'idempotency_key', detail = 'Send an idempotency key of 8-200 characters.';
  end if;
  select * into v_note from public.credit_notes n where n.clinic_id = v_invoice.clinic_id and n.idempotency_key = p_idempotency_key;
  if found then
    if v_note.invoice_id <> p_invoice_id or exists (
         (select x.line_id, x.amount_minor from jsonb_to_recordset(case when jsonb_typeof(p_lines) = 'array' then p_lines else '[]' end)
                 as x(line_id uuid, amount_minor bigint)
          except select c.invoice_line_id, c.amount_minor from public.credit_note_lines c where c.credit_note_id = v_note.id)
         union all
         (select c.invoice_line_id, c.amount_minor from public.credit_note_lines c where c.credit_note_id = v_note.id
          except select x.line_id, x.amount_minor from jsonb_to_recordset(case when jsonb_typeof(p_lines) = 'array' then p_lines else '[]' end)
                 as x(line_id uuid, amount_minor bigint))) then
      raise exception 'idempotency_key_reused' using errcode = 'VT422', column = 'idempotency_key', detail = 'This key was already used for a different credit note.';
    end if;
    return v_note; -- a replay: the note issued the first time
  end if;
  if length(btrim(coalesce(p_reason, ''))) not between 3 and 500 then
    raise exception 'reason_required' using errcode = 'VT422', column = 'reason', detail = 'Say why the invoice is corrected (3-500 characters).';
  end if;
  if v_invoice.status = 'draft' then
    raise exception 'invoice_not_issued' using errcode = 'VT409', detail = 'A draft is corrected by editing it.';
  elsif v_invoice.status = 'void' then
    raise exception 'invoice_void' using errcode = 'VT409', detail = 'This invoice is void.';
  end if;
  v_lines := (select jsonb_agg(to_jsonb(r) order by r.pos) from private.corrective_credit_lines(v_invoice, p_lines) r);
  -- 501's rule on the credited amounts: grouped by the rate captured on their lines, tax per rate
  v_taxes := (
    select jsonb_agg(jsonb_build_object('bp', p.bp, 'name', p.name) || to_jsonb(t))
      from (select q.tax_basis_points as bp, string_agg(distinct q.tax_rate_name, ' / ') as name, sum(q.amount_minor)::bigint as amount
              from jsonb_to_recordset(v_lines) as q(tax_basis_points integer, tax_rate_name text, amount_minor bigint) group by 1) p
     cross join lateral private.apply_tax_rule(p.amount, p.bp, v_invoice.prices_include_tax) t);
  select sum(x.gross_minor)::bigint into v_total from jsonb_to_recordset(v_taxes) as x(gross_minor bigint);
  v_balance := v_invoice.total_minor - v_invoice.credited_minor - (v_invoice.paid_minor - v_invoice.refunded_minor);
  if v_total > v_balance then
    if v_invoice.paid_minor - v_invoice.refunded_minor > 0 then
      raise exception 'credit_exceeds_balance' using errcode = 'VT409', column = 'lines',
        detail = format('Only %s minor units are still owed (the credit note comes to %s); the rest has been paid, so give it back with a refund of the payment, not a correction.', v_balance, v_total);
    end if;
    raise exception 'credit_exceeds_balance' using errcode = 'VT409', column = 'lines',
      detail = format('The credit note comes to %s minor units, more than the %s still owed.', v_total, v_balance);
  end if;
  select extract(year from now() at time zone c.time_zone)::integer into v_year from public.clinics c where c.id = v_invoice.clinic_id;
  insert into public.credit_notes (clinic_id, invoice_id, year, seq, number, amount_minor, currency, reason, issued_by, kind, idempotency_key)
  select v_invoice.clinic_id, v_invoice.id, v_year, s.seq, private.format_document_number('CN-', v_year, s.seq),
         v_total, v_invoice.currency, btrim(p_reason), private.current_user_id(), 'correction', p_idempotency_key
    from (select private.next_document_number(v_invoice.clinic_id, 'credit_note', v_year) as seq) s
  returning * into v_note;
  insert into public.credit_note_lines (clinic_id, invoice_id, credit_note_id, invoice_line_id, position, description, amount_minor, tax_rate_name, tax_basis_points)
  select v_invoice.clinic_id, v_invoice.id, v_note.id, q.line_id, q.pos, q.description, q.amount_minor, q.tax_rate_name, q.tax_basis_points
    from jsonb_to_recordset(v_lines) as q(pos integer, line_id uuid, description text, amount_minor bigint, tax_rate_name text, tax_basis_points integer);
  insert into public.credit_note_taxes (clinic_id, invoice_id, credit_note_id, basis_points, rate_name, net_minor, tax_minor, gross_minor)
  select v_invoice.clinic_id, v_invoice.id, v_note.id, x.bp, x.name, x.net_minor, x.tax_minor, x.gross_minor
    from jsonb_to_recordset(v_taxes) as x(bp integer, name text, net_minor bigint, tax_minor bigint, gross_minor bigint);
  v_invoice.credited_minor := v_invoice.credited_minor + v_total;
  update public.invoices set credited_minor = v_invoice.credited_minor, status = private.invoice_status_for(v_invoice)
   where id = v_invoice.id;
  return v_note;
end
$$;
comment on function private.issue_credit_note(uuid,jsonb,text,text) is 'Security definer body of public.issue_credit_note.';
revoke all on function private.issue_credit_note(uuid,jsonb,text,text) from public, anon, authenticated;
grant execute on function private.issue_credit_note(uuid,jsonb,text,text) to authenticated;

create function public.issue_credit_note(p_invoice_id uuid, p_lines jsonb, p_reason text, p_idempotency_key text)
returns setof public.credit_notes
language sql
set search_path = ''
as $$ select * from private.issue_credit_note(p_invoice_id, p_lines, p_reason, p_idempotency_key) $$;
comment on function public.issue_credit_note(uuid,jsonb,text,text) is 'Owners and admins correct an issued invoice with a credit note (CN-YYYY-NNNNNN) reversing amounts of its lines ([{line_id, amount_minor}], in the invoice''s price terms), tax per rate by the invoice''s rule; never beyond what is still owed (paid money is refunded instead). A replayed key returns the first note.';
revoke all on function public.issue_credit_note(uuid,jsonb,text,text) from public, anon, authenticated;
grant execute on function public.issue_credit_note(uuid,jsonb,text,text) to authenticated;

-- Security definer: the note is written by a staff function; users may not call enqueue_message themselves.
create function private.enqueue_credit_note_notice() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.enqueue_invoice_message(new.invoice_id, 'credit_note.issued',
    jsonb_build_object('amount_minor', new.amount_minor, 'credit_note_number', new.number, 'reason', new.reason),
    'credit_note.issued:' || new.id);
  return null;
end
$$;
comment on function private.enqueue_credit_note_notice() is 'Trigger (deferred to commit): an email to the client for each corrective credit note on their invoice (refund notes are mailed by refunds_email_notice).';
revoke all on function private.enqueue_credit_note_notice() from public, anon, authenticated;

create constraint trigger credit_notes_email_correction after insert on public.credit_notes
  deferrable initially deferred for each row when (new.kind = 'correction')
  execute function private.enqueue_credit_note_notice();
