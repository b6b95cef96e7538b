-- Why: a signed visit's charges become the owner's invoice with one click (issue 12). The visit is the source
-- (source 'visit', source_ref = the visit id), so public.create_invoice's source key makes a second click, or
-- two concurrent clicks, return the same invoice. Only a finalized visit is invoiced: an open visit's charges
-- may still change. Services carry no tax class, so every priced line takes the clinic's default tax rate, a
-- new billing setting; without one the call is refused with the field to set rather than guessing a rate
-- (the old platform's `rate || 10`). Lines list services first, then products, then other charges.

alter table public.clinic_billing_settings add column default_tax_rate_id uuid;
alter table public.clinic_billing_settings add constraint clinic_billing_settings_default_tax_rate_fkey
  foreign key (clinic_id, default_tax_rate_id) references public.tax_rates (clinic_id, id);
comment on column public.clinic_billing_settings.default_tax_rate_id is 'The rate lines without a tax class of their own take (visit charges); null until an owner or admin picks one.';
grant update (default_tax_rate_id) on public.clinic_billing_settings to authenticated;

-- Security definer: reads the visit's charges and the clinic's settings whatever the caller's clinical-note
-- access (a receptionist invoices at the desk), after checking the caller is staff of the visit's clinic.
create function private.create_invoice_from_visit(p_visit_id uuid) returns public.invoices
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
  -- a repeat returns the invoice already made, even if the default rate changed since
  select * into v_invoice from public.invoices i
   where i.clinic_id = v_visit.clinic_id and i.source = 'visit' and i.source_ref = p_visit_id::text;
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
revoke all on function private.create_invoice_from_visit(uuid) from public, anon, authenticated;
grant execute on function private.create_invoice_from_visit(uuid) to authenticated;

create function public.create_invoice_from_visit(p_visit_id uuid) returns setof public.invoices
language sql
set search_path = ''
as $$ select * from private.create_invoice_from_visit(p_visit_id) $$;
comment on function public.create_invoice_from_visit(uuid) is 'Staff turn a finalized visit''s charges into a draft invoice for the pet''s owner (each line at the clinic''s default tax rate), through create_invoice with source visit: a repeat returns the same invoice.';
revoke all on function public.create_invoice_from_visit(uuid) from public, anon, authenticated;
grant execute on function public.create_invoice_from_visit(uuid) to authenticated;
