-- Why: a visit whose invoice was voided (wrong client, wrong lines) could never be invoiced again, because the
-- unique key (clinic_id, source, source_ref) counted the void invoice too, and create_invoice returned it on
-- every later call. The invariant we actually want is "at most one LIVE invoice per source": a void invoice
-- keeps its row, reason and number (the series stays gapless), but no longer stands for the source.
--
-- Chosen design: a partial unique index on (clinic_id, source, source_ref) where status <> 'void', instead of
-- a re-invoice counter inside source_ref ("<visit id>:2"). With the index the source_ref keeps meaning one
-- thing (the visit, order or period id), every invoice ever made from a source is found by one equality, and
-- the database itself refuses a second live invoice whichever path inserts it. A counter would need every
-- reader to parse the ref and every writer to agree on the next attempt, with the uniqueness of the live one
-- still left to code.
--
-- create_invoice keeps its contract for a repeat: a call for a source that has a live invoice returns that
-- invoice. A call for a source whose invoices are all void makes a new draft (a new number when issued):
-- voiding says "this source is not invoiced", so asking again invoices it again. Concurrent calls race on the
-- index: the loser's insert does nothing (`on conflict do nothing`, without a target so that it answers to the
-- partial index) and it returns the winner's invoice once that commits. Voiding cannot run backwards (a void
-- invoice never changes, 501's guard), so a void row never collides with a later live one.

alter table public.invoices drop constraint invoices_clinic_id_source_source_ref_key;
create unique index invoices_one_live_per_source on public.invoices (clinic_id, source, source_ref)
  where status <> 'void';
comment on index public.invoices_one_live_per_source is 'At most one live (not void) invoice per source (visit, order, subscription period); void ones stay as history.';
-- the dropped key also served "every invoice of this source" (the visit page lists the void ones too)
create index invoices_source_idx on public.invoices (clinic_id, source, source_ref) where source_ref is not null;

create or replace function private.create_invoice(
  p_clinic_id uuid, p_client_id uuid, p_lines jsonb, p_source text, p_source_ref text, p_notes text
) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id);
  v_source text := coalesce(p_source, 'manual');
  v_invoice public.invoices;
begin
  if p_source_ref is not null then
    -- a source (visit, order, subscription period) has one live invoice, however often it is sent
    select * into v_invoice from public.invoices i
     where i.clinic_id = p_clinic_id and i.source = v_source and i.source_ref = p_source_ref and i.status <> 'void';
    if found then return v_invoice; end if;
  end if;
  if not exists (select 1 from public.clients c where c.id = p_client_id and c.clinic_id = p_clinic_id) then
    raise exception 'client_not_found' using errcode = 'VT404', column = 'client_id', detail = 'That client is not in this clinic.';
  end if;
  insert into public.invoices (clinic_id, client_id, currency, prices_include_tax, source, source_ref, notes, created_by)
  select p_clinic_id, p_client_id, c.currency, s.prices_include_tax, v_source, p_source_ref,
         nullif(btrim(p_notes), ''), v_user_id
    from public.clinics c join public.clinic_billing_settings s on s.clinic_id = c.id
   where c.id = p_clinic_id
  on conflict do nothing
  returning * into v_invoice;
  if v_invoice.id is null then
    -- a concurrent call for the same source won the insert (invoices_one_live_per_source): return its invoice
    select * into v_invoice from public.invoices i
     where i.clinic_id = p_clinic_id and i.source = v_source and i.source_ref = p_source_ref and i.status <> 'void';
    if not found then
      raise exception 'invoice_source_busy' using errcode = 'VT409', detail = 'This was invoiced at the same moment; reload and try again.';
    end if;
    return v_invoice;
  end if;
  perform private.replace_invoice_lines(v_invoice, coalesce(p_lines, '[]'::jsonb));
  return v_invoice;
end
$$;
comment on function private.create_invoice(uuid,uuid,jsonb,text,text,text) is 'Security definer body of public.create_invoice.';

comment on function public.create_invoice(uuid,uuid,jsonb,text,text,text) is 'Staff create a draft invoice for a client from lines (JSON list); the one entry point for manual invoices, visits, orders and subscriptions (source + source_ref return the live invoice on a repeat; once every invoice of the source is void, a new draft).';

-- Only the repeat check changes from 540: it looks for the visit's live invoice, so a visit whose invoice was
-- voided is invoiced again from its charges (at today's default rate).
create or replace function private.create_invoice_from_visit(p_visit_id uuid) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_visit public.visits;
  v_client_id uuid;
  v_rate_id uuid;
  v_lines jsonb;
  v_invoice public.invoices;
begin
  select * into v_visit from public.visits v where v.id = p_visit_id;
  if not found or not private.has_clinic_role(v_visit.clinic_id) then
    -- another clinic's visit is answered exactly like a missing one
    raise exception 'visit_not_found' using errcode = 'VT404', detail = 'That visit does not exist.';
  end if;
  -- a repeat returns the live invoice already made, even if the default rate changed since
  select * into v_invoice from public.invoices i
   where i.clinic_id = v_visit.clinic_id and i.source = 'visit' and i.source_ref = p_visit_id::text
     and i.status <> 'void';
  if found then
    perform private.require_clinic_role(v_visit.clinic_id);
    return v_invoice;
  end if;
  if v_visit.finalized_at is null then
    raise exception 'visit_not_signed' using errcode = 'VT409', detail = 'Sign the visit before invoicing it.';
  end if;
  select p.client_id into v_client_id from public.pets p where p.id = v_visit.pet_id;
  select s.default_tax_rate_id into v_rate_id from public.clinic_billing_settings s
   where s.clinic_id = v_visit.clinic_id;
  select jsonb_agg(jsonb_build_object(
           'kind', case when c.kind = 'product' then 'product' else 'service' end,
           'description', c.description, 'quantity', c.quantity, 'unit_price_minor', c.unit_price_cents,
           'discount_minor', 0, 'tax_rate_id', v_rate_id)
         order by c.kind, c.created_at, c.id)
    into v_lines from public.visit_charges c where c.visit_id = p_visit_id;
  if v_lines is null then
    raise exception 'visit_has_no_charges' using errcode = 'VT422', column = 'visit_id', detail = 'This visit has no charges to invoice.';
  end if;
  if v_rate_id is null then
    raise exception 'default_tax_rate_required' using errcode = 'VT422', column = 'default_tax_rate_id',
      detail = 'Choose the clinic''s default tax rate in the billing settings first.';
  end if;
  return private.create_invoice(v_visit.clinic_id, v_client_id, v_lines, 'visit', p_visit_id::text, null);
end
$$;
comment on function private.create_invoice_from_visit(uuid) is 'Security definer body of public.create_invoice_from_visit.';

comment on function public.create_invoice_from_visit(uuid) is 'Staff turn a finalized visit''s charges into a draft invoice for the pet''s owner (each line at the clinic''s default tax rate), through create_invoice with source visit: a repeat returns the live invoice; after a void, a new draft.';
