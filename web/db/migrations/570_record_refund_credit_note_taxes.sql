-- Why: corrective credit notes (550) store their tax per rate in credit_note_taxes, but the credit notes that
-- refunds issue (502's private.refund_payment as 531 left it, 530's private.record_online_invoice_refund) had
-- none, so a tax report could not net a refund against a rate. From here on every credit note, of either
-- kind, has credit_note_taxes rows whose gross adds up to exactly its amount_minor, and no rate of an invoice
-- is credited beyond its gross (corrections are now held to that too: private.guard_credit_note_rate below).
--
-- The rule for a refund credit note of amount A on an invoice:
-- * per rate r (the basis points captured on the invoice's lines), the invoice's gross G(r) by 501's rule
--   (private.apply_tax_rule on the rate's summed line amounts, in the invoice's price terms), less what
--   EARLIER credit notes of the invoice (corrective or refund, numbered before this one) already took at that
--   rate, never below zero: the still creditable gross O(r).
-- * A is allocated across the rates in proportion to O(r): each rate gets floor(A x O(r) / sum O), and the
--   minor units left over go one each to the rates with the largest remainders (ties: the higher rate), so
--   the rows add up to A exactly. Since a refund never exceeds what was paid and not yet given back, and that
--   never exceeds what is still creditable, A <= sum O and no rate gets more than its O(r): a rate is never
--   credited beyond what the invoice billed at it, and refunding the whole of a fully paid invoice (in one
--   refund or several) nets every rate to exactly zero. Should earlier corrective notes have rounded one unit
--   past a rate's gross (550's header) so that sum O < A, the invoice's own G(r) are the weights instead.
-- * each rate's share is a gross amount, so its net and tax follow 501's rule for gross amounts:
--   net = round_half_up(gross x 10000 / (10000 + bp)), tax = gross - net (apply_tax_rule with inclusive
--   prices), whatever the invoice's price terms.
-- Why proportional: a refund gives back money paid for the invoice as a whole, not for a line, so it takes
-- each rate in the share that rate still has of the invoice. (Crediting a particular line is a correction,
-- 550, which names its lines.)
--
-- One path: an AFTER INSERT trigger on credit_notes for kind 'refund', so the desk refund and the Stripe
-- refund (and any later refund path) get the same breakdown without either function being copied again. Both
-- insert their note while holding the invoice's row lock (FOR UPDATE), which is what keeps "earlier notes"
-- stable: corrections, payments and refunds of one invoice queue behind it. Existing refund credit notes are
-- backfilled below, oldest number first per clinic, each seeing only the notes numbered before it.

create function private.record_refund_credit_note_taxes(p_note public.credit_notes) returns void
language plpgsql
set search_path = ''
as $$
begin
  if p_note.kind <> 'refund' or exists (select 1 from public.credit_note_taxes x where x.credit_note_id = p_note.id) then
    return;
  end if;
  insert into public.credit_note_taxes (clinic_id, invoice_id, credit_note_id, basis_points, rate_name, net_minor, tax_minor, gross_minor)
  with rates as (
    -- per rate captured on the lines: the invoice's gross, and what is left of it after earlier notes
    select r.bp, r.name, t.gross_minor as gross,
           greatest(t.gross_minor - coalesce((
             select sum(x.gross_minor) from public.credit_note_taxes x
               join public.credit_notes n on n.id = x.credit_note_id
              where x.invoice_id = p_note.invoice_id and x.basis_points = r.bp
                and (n.year, n.seq) < (p_note.year, p_note.seq)), 0), 0)::bigint as open
      from (select l.tax_basis_points as bp, string_agg(distinct l.tax_rate_name, ' / ') as name,
                   sum(private.line_amount(l.quantity, l.unit_price_minor, l.discount_minor))::bigint as amount
              from public.invoice_lines l
             where l.invoice_id = p_note.invoice_id and l.kind <> 'text'
             group by 1) r
      join public.invoices i on i.id = p_note.invoice_id
     cross join lateral private.apply_tax_rule(r.amount, r.bp, i.prices_include_tax) t
  ), weighted as (
    -- see the header: the invoice's own shares only when earlier notes left less than the refund
    select r.bp, r.name,
           case when sum(r.open) over () >= p_note.amount_minor then r.open else r.gross end as weight
      from rates r
  ), split as (
    select w.bp, w.name,
           -- integer division (sum() of bigint is numeric, hence the casts): the floor share and what it left
           (p_note.amount_minor * w.weight) / (sum(w.weight) over ())::bigint as whole,
           (p_note.amount_minor * w.weight) % (sum(w.weight) over ())::bigint as remainder
      from weighted w
     where w.weight > 0
  ), shares as (
    select s.bp, s.name,
           s.whole + case when row_number() over (order by s.remainder desc, s.bp desc)
                               <= p_note.amount_minor - (sum(s.whole) over ())::bigint then 1 else 0 end as gross
      from split s
  )
  select p_note.clinic_id, p_note.invoice_id, p_note.id, s.bp, s.name, t.net_minor, t.tax_minor, t.gross_minor
    from shares s
   cross join lateral private.apply_tax_rule(s.gross, s.bp, true) t
   where s.gross > 0;
  if not found then
    raise exception 'invoice_has_no_taxable_total' using errcode = 'VT409',
      detail = 'A refund credit note needs an invoice with a total to allocate across its tax rates.';
  end if;
end
$$;
comment on function private.record_refund_credit_note_taxes(public.credit_notes) is 'Writes a refund credit note''s tax per rate: its amount allocated across the invoice''s rates in proportion to each rate''s still creditable gross (invoice gross less earlier credit notes at that rate), largest remainder rounding so the rows add up to the amount, net/tax by 501''s rule for gross amounts. No-op for corrections and for notes that already have rows.';
revoke all on function private.record_refund_credit_note_taxes(public.credit_notes) from public, anon, authenticated;

-- Security definer: a refund note is inserted by staff (refund_payment) or by the system path (Stripe); either
-- way the taxes are written with the table owner's rights, as the note itself is. Users cannot insert credit
-- notes, so they cannot reach this trigger with a note of their own.
create function private.add_refund_credit_note_taxes() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  perform private.record_refund_credit_note_taxes(new);
  return null;
end
$$;
comment on function private.add_refund_credit_note_taxes() is 'Trigger: each refund credit note gets its tax per rate (private.record_refund_credit_note_taxes) in the transaction, under the invoice lock, that inserts it.';
revoke all on function private.add_refund_credit_note_taxes() from public, anon, authenticated;

create trigger credit_notes_refund_taxes after insert on public.credit_notes
  for each row when (new.kind = 'refund')
  execute function private.add_refund_credit_note_taxes();

-- The other half of "no rate is credited beyond what the invoice billed at it": 550 bounds a correction by
-- its lines (each line's amount less earlier corrections of it), which does not see refunds. After a refund
-- has taken a rate's share, a correction of a whole line at that rate would push the rate past its gross, a
-- negative taxable base in a tax report. So a corrective note's tax row is refused when its rate's credited
-- gross (all notes of the invoice, this one included) would pass the rate's gross on the invoice. It also
-- refuses the unit 550's header allowed when several corrections of one rate round up past its gross. Refund
-- rows are not checked here: their allocation never passes a rate's open gross (see above), and refusing a
-- refund would keep money that is owed back.
create function private.guard_credit_note_rate() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_billed bigint;
  v_credited bigint;
begin
  if (select n.kind from public.credit_notes n where n.id = new.credit_note_id) <> 'correction' then
    return null;
  end if;
  select t.gross_minor into v_billed
    from (select sum(private.line_amount(l.quantity, l.unit_price_minor, l.discount_minor))::bigint as amount
            from public.invoice_lines l
           where l.invoice_id = new.invoice_id and l.kind <> 'text' and l.tax_basis_points = new.basis_points) r
    join public.invoices i on i.id = new.invoice_id
   cross join lateral private.apply_tax_rule(r.amount, new.basis_points, i.prices_include_tax) t;
  select sum(x.gross_minor) into v_credited
    from public.credit_note_taxes x where x.invoice_id = new.invoice_id and x.basis_points = new.basis_points;
  if v_credited > coalesce(v_billed, 0) then
    raise exception 'credit_exceeds_rate' using errcode = 'VT409', column = 'lines',
      detail = format('At most %s minor units are left to credit at %s%% (the credit note takes %s there).',
                      greatest(coalesce(v_billed, 0) - (v_credited - new.gross_minor), 0), new.basis_points / 100.0, new.gross_minor);
  end if;
  return null;
end
$$;
comment on function private.guard_credit_note_rate() is 'Trigger: refuses a corrective credit note''s tax row that would credit its rate beyond the rate''s gross on the invoice (refunds and earlier corrections counted).';
revoke all on function private.guard_credit_note_rate() from public, anon, authenticated;

create trigger credit_note_taxes_within_rate after insert on public.credit_note_taxes
  for each row execute function private.guard_credit_note_rate();

-- Backfill: oldest first within each clinic, so each note sees the notes numbered before it.
do $$
declare
  v_note public.credit_notes;
begin
  for v_note in
    select * from public.credit_notes n
     where n.kind = 'refund' and not exists (select 1 from public.credit_note_taxes x where x.credit_note_id = n.id)
     order by n.clinic_id, n.year, n.seq
  loop
    perform private.record_refund_credit_note_taxes(v_note);
  end loop;
end
$$;
