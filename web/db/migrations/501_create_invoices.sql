-- Why: an invoice belongs to a clinic and a client and is built from lines (service, product, free text).
-- The old platform created invoices in two non-atomic inserts and numbered them with gaps; here:
--
-- * One entry point, public.create_invoice(clinic, client, lines jsonb, source, source_ref): staff by hand
--   today; visits, store orders and subscriptions later (source + source_ref make a repeated call return the
--   same draft instead of a second invoice).
-- * Totals by ONE rule, in SQL only (private.apply_tax_rule, private.invoice_breakdown):
--     line amount = round_half_up(quantity x unit price) - discount, in minor units (never below 0);
--     lines are grouped by tax rate (basis points); per rate, the sum of its line amounts is
--       - prices exclude tax: the net; tax = round_half_up(net x bp / 10000); gross = net + tax
--       - prices include tax: the gross; net = round_half_up(gross x 10000 / (10000 + bp)); tax = gross - net
--     invoice net/tax/total = sums over the rates. A 0% rate gives tax 0 exactly in both modes. Tax is
--     never rounded per line, so the breakdown printed per rate is what adds up to the total.
-- * Issuing takes the next number of a gapless series per clinic per calendar year in the clinic's zone
--   (2026-000123) from a counter row locked FOR UPDATE in the issuing transaction (a sequence would leave
--   gaps on rollback), captures each line's rate (name + basis points) and stores the totals.
-- * An issued invoice cannot change: triggers refuse edits of its fields and of its lines, for every role
--   including the owner of the tables. A mistake is corrected by voiding (reason kept, number kept, so the
--   series stays gapless) or, once paid, by a refund with a credit note (502).
-- Writes go through security definer functions that check the caller's role in the invoice's clinic (derived
-- from the row, never trusted from a parameter); reads are plain selects under RLS: staff see their clinic's
-- invoices, a client sees their own invoices once issued, never drafts.

create type public.invoice_status as enum ('draft', 'issued', 'partially_paid', 'paid', 'void');
create type public.invoice_line_kind as enum ('service', 'product', 'text');

create table public.invoices (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  status public.invoice_status not null default 'draft',
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  prices_include_tax boolean not null,
  source text not null default 'manual' check (source in ('manual', 'visit', 'order', 'subscription')),
  source_ref text check (source_ref is null or length(source_ref) between 1 and 200),
  notes text check (notes is null or length(notes) <= 2000),
  year integer check (year between 2000 and 9999),
  seq integer check (seq > 0),
  number text,
  issued_at timestamptz,
  issued_by uuid references public.users (id) on delete set null,
  net_minor bigint,
  tax_minor bigint,
  total_minor bigint check (total_minor >= 0),
  credited_minor bigint not null default 0 check (credited_minor >= 0),
  paid_minor bigint not null default 0 check (paid_minor >= 0),
  refunded_minor bigint not null default 0 check (refunded_minor >= 0 and refunded_minor <= paid_minor),
  void_reason text check (void_reason is null or length(btrim(void_reason)) between 3 and 500),
  voided_at timestamptz,
  voided_by uuid references public.users (id) on delete set null,
  created_by uuid references public.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (clinic_id, client_id) references public.clients (clinic_id, id),
  unique (clinic_id, id),
  constraint invoices_number_key unique (clinic_id, year, seq),
  unique (clinic_id, number),
  unique (clinic_id, source, source_ref),
  -- a number exactly when issued (a voided draft has none, a voided issued invoice keeps its own)
  check ((status = 'draft' and number is null) or (status in ('issued', 'partially_paid', 'paid') and number is not null) or status = 'void'),
  check (status <> 'void' or void_reason is not null),
  -- the balance never goes below zero: what was paid (less refunds) never exceeds what is owed
  constraint invoices_paid_within_total check (
    total_minor is null or (credited_minor <= total_minor and paid_minor - refunded_minor <= total_minor - credited_minor)
  )
);

create index invoices_clinic_created_idx on public.invoices (clinic_id, created_at desc, id desc);
create index invoices_client_created_idx on public.invoices (client_id, created_at desc, id desc);

alter table public.invoices enable row level security;

create trigger invoices_touch before update on public.invoices for each row execute function private.touch_updated_at();

create table public.invoice_lines (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null,
  invoice_id uuid not null,
  position integer not null check (position between 1 and 200),
  kind public.invoice_line_kind not null,
  description text not null check (length(btrim(description)) between 1 and 500),
  quantity numeric(12, 3) not null default 1 check (quantity >= 0),
  unit_price_minor bigint not null default 0 check (unit_price_minor >= 0),
  discount_minor bigint not null default 0 check (discount_minor >= 0),
  tax_rate_id uuid,
  -- captured when the invoice is issued: later renames or archived rates never change an issued invoice
  tax_rate_name text,
  tax_basis_points integer check (tax_basis_points between 0 and 10000),
  foreign key (clinic_id, invoice_id) references public.invoices (clinic_id, id) on delete cascade,
  foreign key (clinic_id, tax_rate_id) references public.tax_rates (clinic_id, id),
  unique (invoice_id, position),
  constraint invoice_lines_text_has_no_amount check (
    kind <> 'text' or (quantity = 0 and unit_price_minor = 0 and discount_minor = 0 and tax_rate_id is null)
  ),
  constraint invoice_lines_tax_rate_required check (kind = 'text' or tax_rate_id is not null),
  constraint invoice_lines_discount_within_amount check (discount_minor <= round(quantity * unit_price_minor))
);

create index invoice_lines_tax_rate_idx on public.invoice_lines (tax_rate_id);

alter table public.invoice_lines enable row level security;

-- Counters of the gapless series (invoices, credit notes) per clinic and year. Only functions touch them.
create table public.document_counters (
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  series text not null check (series in ('invoice', 'credit_note')),
  year integer not null check (year between 2000 and 9999),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (clinic_id, series, year)
);

alter table public.document_counters enable row level security;

revoke all on table public.invoices, public.invoice_lines, public.document_counters from public, anon, authenticated;

-- Security definer: the line policies ask about the invoice, which must not re-enter the invoices' RLS.
create function private.is_own_invoice(p_invoice_id uuid) returns boolean
language sql stable security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.invoices i join public.clients c on c.id = i.client_id
    where i.id = p_invoice_id and i.status <> 'draft' and c.user_id = (select private.current_user_id())
  )
$$;
comment on function private.is_own_invoice(uuid) is 'True when the invoice is issued (not a draft) to a client record of the signed-in user.';
revoke all on function private.is_own_invoice(uuid) from public, anon, authenticated;
grant execute on function private.is_own_invoice(uuid) to authenticated;

grant select on public.invoices, public.invoice_lines to authenticated;

create policy "staff can read their clinic's invoices" on public.invoices
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "clients can read their own issued invoices" on public.invoices
  for select to authenticated using (status <> 'draft' and private.is_own_client(client_id));

create policy "staff can read their clinic's invoice lines" on public.invoice_lines
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "clients can read the lines of their own issued invoices" on public.invoice_lines
  for select to authenticated using (private.is_own_invoice(invoice_id));

-- Immutability, enforced for every role (the functions and the table owner included).
create function private.guard_issued_invoice() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  -- the only fields that still move once issued: payment state and voiding
  v_moving constant text[] := array['status', 'credited_minor', 'paid_minor', 'refunded_minor', 'void_reason', 'voided_at', 'voided_by', 'updated_at'];
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'invoice_immutable' using errcode = 'VT409', detail = 'An issued invoice cannot be deleted; void it with a reason.';
    end if;
    return old;
  end if;
  if old.status = 'void' or (old.status <> 'draft' and (to_jsonb(new) - v_moving) <> (to_jsonb(old) - v_moving)) then
    raise exception 'invoice_immutable' using errcode = 'VT409', detail = 'An issued invoice cannot be changed.';
  end if;
  return new;
end
$$;
comment on function private.guard_issued_invoice() is 'Trigger: an issued or void invoice keeps its content (only payment state and voiding move) and is never deleted.';
revoke all on function private.guard_issued_invoice() from public, anon, authenticated;

create trigger invoices_guard_issued before update or delete on public.invoices
  for each row execute function private.guard_issued_invoice();

create function private.guard_issued_invoice_lines() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_status public.invoice_status;
begin
  -- FOR SHARE waits for an issue in progress (it holds the row FOR UPDATE), then sees the committed status
  select i.status into v_status from public.invoices i
   where i.id = case when tg_op = 'DELETE' then old.invoice_id else new.invoice_id end for share;
  if found and v_status <> 'draft' then
    raise exception 'invoice_immutable' using errcode = 'VT409', detail = 'The lines of an issued invoice cannot be changed.';
  end if;
  if tg_op = 'UPDATE' and new.invoice_id <> old.invoice_id then
    raise exception 'invoice_immutable' using errcode = 'VT409', detail = 'A line cannot move to another invoice.';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
comment on function private.guard_issued_invoice_lines() is 'Trigger: the lines of an invoice change only while it is a draft.';
revoke all on function private.guard_issued_invoice_lines() from public, anon, authenticated;

create trigger invoice_lines_guard_issued before insert or update or delete on public.invoice_lines
  for each row execute function private.guard_issued_invoice_lines();

-- The rounding rule (see the header). Exact numeric arithmetic; round() on numeric rounds half away from
-- zero, which is half-up for the non-negative amounts here.
create function private.line_amount(p_quantity numeric, p_unit_price_minor bigint, p_discount_minor bigint) returns bigint
language sql immutable
set search_path = ''
as $$ select (round(p_quantity * p_unit_price_minor) - p_discount_minor)::bigint $$;
comment on function private.line_amount(numeric,bigint,bigint) is 'A line''s amount in minor units: quantity x unit price rounded half-up, less the discount.';
revoke all on function private.line_amount(numeric,bigint,bigint) from public, anon, authenticated;
grant execute on function private.line_amount(numeric,bigint,bigint) to authenticated;

create function private.apply_tax_rule(p_amount_minor bigint, p_basis_points integer, p_prices_include_tax boolean,
  out net_minor bigint, out tax_minor bigint, out gross_minor bigint)
language sql immutable
set search_path = ''
as $$
  select n, g - n, g from (
    select case when p_prices_include_tax then round(p_amount_minor * 10000.0 / (10000 + p_basis_points))::bigint else p_amount_minor end as n,
           case when p_prices_include_tax then p_amount_minor else p_amount_minor + round(p_amount_minor * p_basis_points / 10000.0)::bigint end as g
  ) t
$$;
comment on function private.apply_tax_rule(bigint,integer,boolean) is 'Net, tax and gross of one rate''s summed line amounts: exclusive prices add round_half_up(net x bp / 10000); inclusive prices extract net = round_half_up(gross x 10000 / (10000 + bp)).';
revoke all on function private.apply_tax_rule(bigint,integer,boolean) from public, anon, authenticated;
grant execute on function private.apply_tax_rule(bigint,integer,boolean) to authenticated;

-- Security invoker: it reads lines and rates under the caller's RLS (a client sees only their own invoices).
create function public.invoice_tax_breakdown(p_invoice_id uuid)
returns table (basis_points integer, rate_name text, net_minor bigint, tax_minor bigint, gross_minor bigint)
language sql stable
set search_path = ''
as $$
  -- an issued invoice uses the rate captured on its lines; a draft the rate as it is now
  with per_rate as (
    select coalesce(l.tax_basis_points, r.basis_points) as bp,
           string_agg(distinct coalesce(l.tax_rate_name, r.name), ' / ') as name,
           sum(private.line_amount(l.quantity, l.unit_price_minor, l.discount_minor))::bigint as amount
      from public.invoice_lines l
      join public.tax_rates r on r.id = l.tax_rate_id
     where l.invoice_id = p_invoice_id and l.kind <> 'text'
     group by 1
  )
  select p.bp, p.name, t.net_minor, t.tax_minor, t.gross_minor
    from per_rate p
    join public.invoices i on i.id = p_invoice_id
    cross join lateral private.apply_tax_rule(p.amount, p.bp, i.prices_include_tax) t
   order by p.bp desc
$$;
comment on function public.invoice_tax_breakdown(uuid) is 'Net, tax and gross per tax rate of an invoice (the one rounding rule in 501''s header); the invoice''s totals are their sums.';
revoke all on function public.invoice_tax_breakdown(uuid) from public, anon, authenticated;
grant execute on function public.invoice_tax_breakdown(uuid) to authenticated;

create function private.next_document_number(p_clinic_id uuid, p_series text, p_year integer) returns integer
language plpgsql
set search_path = ''
as $$
declare
  v_last integer;
begin
  insert into public.document_counters (clinic_id, series, year) values (p_clinic_id, p_series, p_year)
  on conflict (clinic_id, series, year) do nothing;
  -- The guard of the gapless series: concurrent issuers queue here until this transaction ends, so each
  -- reads the number the previous one committed. A rollback releases the lock and the number with it.
  select c.last_number into v_last from public.document_counters c
   where c.clinic_id = p_clinic_id and c.series = p_series and c.year = p_year
   for update;
  update public.document_counters c set last_number = v_last + 1
   where c.clinic_id = p_clinic_id and c.series = p_series and c.year = p_year;
  return v_last + 1;
end
$$;
comment on function private.next_document_number(uuid,text,integer) is 'Next number of a gapless series (invoice or credit_note) for a clinic and year, from its counter row held FOR UPDATE until the caller commits.';
revoke all on function private.next_document_number(uuid,text,integer) from public, anon, authenticated;

create function private.format_document_number(p_prefix text, p_year integer, p_seq integer) returns text
language sql immutable
set search_path = ''
as $$ select p_prefix || p_year || '-' || lpad(p_seq::text, greatest(6, length(p_seq::text)), '0') $$;
comment on function private.format_document_number(text,integer,integer) is 'e.g. 2026-000123 or CN-2026-000007 (never truncated past six digits).';
revoke all on function private.format_document_number(text,integer,integer) from public, anon, authenticated;

create function private.replace_invoice_lines(p_invoice public.invoices, p_lines jsonb) returns void
language plpgsql
set search_path = ''
as $$
begin
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) > 200 then
    raise exception 'invalid_lines' using errcode = 'VT422', column = 'lines', detail = 'Lines must be a list of at most 200.';
  end if;
  if exists (
    select 1 from jsonb_to_recordset(p_lines) as x(tax_rate_id uuid)
     where x.tax_rate_id is not null and not exists (
       select 1 from public.tax_rates r where r.id = x.tax_rate_id and r.clinic_id = p_invoice.clinic_id and r.archived_at is null)
  ) then
    raise exception 'tax_rate_not_found' using errcode = 'VT422', column = 'lines', detail = 'A line names a tax rate this clinic does not have.';
  end if;
  delete from public.invoice_lines where invoice_id = p_invoice.id;
  insert into public.invoice_lines (clinic_id, invoice_id, position, kind, description, quantity, unit_price_minor, discount_minor, tax_rate_id)
  select p_invoice.clinic_id, p_invoice.id, e.n, x.kind, btrim(x.description),
         case when x.kind = 'text' then 0 else coalesce(x.quantity, 1) end,
         coalesce(x.unit_price_minor, 0), coalesce(x.discount_minor, 0), x.tax_rate_id
    from jsonb_array_elements(p_lines) with ordinality as e(line, n)
    cross join lateral jsonb_to_record(e.line) as x(kind public.invoice_line_kind, description text, quantity numeric,
         unit_price_minor bigint, discount_minor bigint, tax_rate_id uuid);
end
$$;
comment on function private.replace_invoice_lines(public.invoices,jsonb) is 'Replaces a draft''s lines with a JSON list of {kind, description, quantity, unit_price_minor, discount_minor, tax_rate_id}; rates must be the clinic''s own and not archived.';
revoke all on function private.replace_invoice_lines(public.invoices,jsonb) from public, anon, authenticated;

-- Security definer: users cannot write invoices directly; the caller must be staff of the clinic.
create function private.create_invoice(
  p_clinic_id uuid, p_client_id uuid, p_lines jsonb, p_source text, p_source_ref text, p_notes text
) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id);
  v_invoice public.invoices;
begin
  if p_source_ref is not null then
    -- a source (visit, order, subscription period) becomes one invoice, however often it is sent
    select * into v_invoice from public.invoices i
     where i.clinic_id = p_clinic_id and i.source = p_source and i.source_ref = p_source_ref;
    if found then return v_invoice; end if;
  end if;
  if not exists (select 1 from public.clients c where c.id = p_client_id and c.clinic_id = p_clinic_id) then
    raise exception 'client_not_found' using errcode = 'VT404', column = 'client_id', detail = 'That client is not in this clinic.';
  end if;
  insert into public.invoices (clinic_id, client_id, currency, prices_include_tax, source, source_ref, notes, created_by)
  select p_clinic_id, p_client_id, c.currency, s.prices_include_tax, coalesce(p_source, 'manual'), p_source_ref,
         nullif(btrim(p_notes), ''), v_user_id
    from public.clinics c join public.clinic_billing_settings s on s.clinic_id = c.id
   where c.id = p_clinic_id
  on conflict (clinic_id, source, source_ref) do nothing
  returning * into v_invoice;
  if v_invoice.id is null then
    -- a concurrent call for the same source won the insert: return its invoice
    select * into v_invoice from public.invoices i
     where i.clinic_id = p_clinic_id and i.source = p_source and i.source_ref = p_source_ref;
    return v_invoice;
  end if;
  perform private.replace_invoice_lines(v_invoice, coalesce(p_lines, '[]'::jsonb));
  return v_invoice;
end
$$;
comment on function private.create_invoice(uuid,uuid,jsonb,text,text,text) is 'Security definer body of public.create_invoice.';
revoke all on function private.create_invoice(uuid,uuid,jsonb,text,text,text) from public, anon, authenticated;
grant execute on function private.create_invoice(uuid,uuid,jsonb,text,text,text) to authenticated;

create function public.create_invoice(
  p_clinic_id uuid, p_client_id uuid, p_lines jsonb default '[]'::jsonb, p_source text default 'manual',
  p_source_ref text default null, p_notes text default null
) returns setof public.invoices
language sql
set search_path = ''
as $$ select * from private.create_invoice(p_clinic_id, p_client_id, p_lines, p_source, p_source_ref, p_notes) $$;
comment on function public.create_invoice(uuid,uuid,jsonb,text,text,text) is 'Staff create a draft invoice for a client from lines (JSON list); the one entry point for manual invoices, visits, orders and subscriptions (source + source_ref return the existing invoice on a repeat).';
revoke all on function public.create_invoice(uuid,uuid,jsonb,text,text,text) from public, anon, authenticated;
grant execute on function public.create_invoice(uuid,uuid,jsonb,text,text,text) to authenticated;

-- Locks an invoice for a change and checks the caller is staff of its clinic (optionally with a role).
create function private.lock_invoice_for_staff(p_invoice_id uuid, p_roles public.staff_role[] default null)
returns public.invoices
language plpgsql
set search_path = ''
as $$
declare
  v_invoice public.invoices;
begin
  select * into v_invoice from public.invoices where id = p_invoice_id for update;
  if not found or not private.has_clinic_role(v_invoice.clinic_id) then
    -- another clinic's invoice is answered exactly like a missing one
    raise exception 'invoice_not_found' using errcode = 'VT404', detail = 'That invoice does not exist.';
  end if;
  perform private.require_clinic_role(v_invoice.clinic_id, p_roles);
  return v_invoice;
end
$$;
comment on function private.lock_invoice_for_staff(uuid,public.staff_role[]) is 'The invoice row held FOR UPDATE, for staff of its clinic (with one of p_roles when given); not_found for anyone else.';
revoke all on function private.lock_invoice_for_staff(uuid,public.staff_role[]) from public, anon, authenticated;

create function private.save_invoice_draft(p_invoice_id uuid, p_lines jsonb, p_notes text) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invoice public.invoices := private.lock_invoice_for_staff(p_invoice_id);
begin
  if v_invoice.status <> 'draft' then
    raise exception 'invoice_not_draft' using errcode = 'VT409', detail = 'Only a draft invoice can be edited.';
  end if;
  perform private.replace_invoice_lines(v_invoice, p_lines);
  update public.invoices set notes = nullif(btrim(p_notes), '') where id = p_invoice_id returning * into v_invoice;
  return v_invoice;
end
$$;
comment on function private.save_invoice_draft(uuid,jsonb,text) is 'Security definer body of public.save_invoice_draft.';
revoke all on function private.save_invoice_draft(uuid,jsonb,text) from public, anon, authenticated;
grant execute on function private.save_invoice_draft(uuid,jsonb,text) to authenticated;

create function public.save_invoice_draft(p_invoice_id uuid, p_lines jsonb, p_notes text default null)
returns setof public.invoices
language sql
set search_path = ''
as $$ select * from private.save_invoice_draft(p_invoice_id, p_lines, p_notes) $$;
comment on function public.save_invoice_draft(uuid,jsonb,text) is 'Staff replace a draft invoice''s lines and notes; an issued invoice is refused (invoice_not_draft, 409).';
revoke all on function public.save_invoice_draft(uuid,jsonb,text) from public, anon, authenticated;
grant execute on function public.save_invoice_draft(uuid,jsonb,text) to authenticated;

create function private.enqueue_invoice_issued(p_invoice public.invoices) returns uuid
language sql
set search_path = ''
as $$
  select private.enqueue_message(
    p_invoice.clinic_id, cl.user_id, 'email', r.email, 'invoice.issued',
    coalesce(cl.locale, u.locale, c.default_locale, 'en'),
    jsonb_build_object('clinic_name', c.name, 'client_name', cl.full_name, 'number', p_invoice.number,
      'total_minor', p_invoice.total_minor, 'currency', p_invoice.currency,
      'path', '/' || c.slug || '/portal/invoices/' || p_invoice.id),
    'invoice.issued:' || p_invoice.id)
    from public.clinics c
    join public.clients cl on cl.id = p_invoice.client_id
    left join public.users u on u.id = cl.user_id
    cross join lateral (select coalesce(cl.email::text, u.email::text) as email) r
   where c.id = p_invoice.clinic_id and r.email is not null
$$;
comment on function private.enqueue_invoice_issued(public.invoices) is 'Outbox email to the client that their invoice was issued (number, total, portal link); none without an address.';
revoke all on function private.enqueue_invoice_issued(public.invoices) from public, anon, authenticated;

create function private.issue_invoice(p_invoice_id uuid) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invoice public.invoices := private.lock_invoice_for_staff(p_invoice_id);
  v_net bigint;
  v_tax bigint;
  v_total bigint;
  v_year integer;
  v_seq integer;
begin
  if v_invoice.status <> 'draft' then
    raise exception 'invoice_not_draft' using errcode = 'VT409', detail = 'This invoice is not a draft.';
  end if;
  if not exists (select 1 from public.invoice_lines l where l.invoice_id = p_invoice_id and l.kind <> 'text') then
    raise exception 'invoice_empty' using errcode = 'VT422', column = 'lines', detail = 'Add at least one service or product line.';
  end if;
  update public.invoice_lines l set tax_rate_name = r.name, tax_basis_points = r.basis_points
    from public.tax_rates r where r.id = l.tax_rate_id and l.invoice_id = p_invoice_id;
  select coalesce(sum(b.net_minor), 0), coalesce(sum(b.tax_minor), 0), coalesce(sum(b.gross_minor), 0)
    into v_net, v_tax, v_total from public.invoice_tax_breakdown(p_invoice_id) b;
  select extract(year from now() at time zone c.time_zone)::integer into v_year from public.clinics c where c.id = v_invoice.clinic_id;
  -- last: the counter row stays locked until commit, so the work above is not done while holding it
  v_seq := private.next_document_number(v_invoice.clinic_id, 'invoice', v_year);
  update public.invoices
     set status = case when v_total = 0 then 'paid'::public.invoice_status else 'issued' end,
         year = v_year, seq = v_seq, number = private.format_document_number('', v_year, v_seq),
         issued_at = now(), issued_by = private.current_user_id(),
         net_minor = v_net, tax_minor = v_tax, total_minor = v_total
   where id = p_invoice_id
  returning * into v_invoice;
  perform private.enqueue_invoice_issued(v_invoice);
  return v_invoice;
end
$$;
comment on function private.issue_invoice(uuid) is 'Security definer body of public.issue_invoice.';
revoke all on function private.issue_invoice(uuid) from public, anon, authenticated;
grant execute on function private.issue_invoice(uuid) to authenticated;

create function public.issue_invoice(p_invoice_id uuid) returns setof public.invoices
language sql
set search_path = ''
as $$ select * from private.issue_invoice(p_invoice_id) $$;
comment on function public.issue_invoice(uuid) is 'Staff issue a draft: next gapless number of the clinic''s year, rates and totals captured, the client emailed; from then on the invoice cannot change.';
revoke all on function public.issue_invoice(uuid) from public, anon, authenticated;
grant execute on function public.issue_invoice(uuid) to authenticated;

create function private.void_invoice(p_invoice_id uuid, p_reason text) returns public.invoices
language plpgsql security definer
set search_path = ''
as $$
declare
  v_invoice public.invoices := private.lock_invoice_for_staff(p_invoice_id, array['owner', 'admin']::public.staff_role[]);
begin
  if length(btrim(coalesce(p_reason, ''))) not between 3 and 500 then
    raise exception 'reason_required' using errcode = 'VT422', column = 'reason', detail = 'Say why the invoice is voided (3-500 characters).';
  end if;
  if v_invoice.status = 'void' then
    raise exception 'invoice_void' using errcode = 'VT409', detail = 'This invoice is already void.';
  end if;
  if v_invoice.paid_minor - v_invoice.refunded_minor > 0 then
    raise exception 'invoice_has_payments' using errcode = 'VT409', detail = 'Refund the payments before voiding this invoice.';
  end if;
  update public.invoices set status = 'void', void_reason = btrim(p_reason), voided_at = now(), voided_by = private.current_user_id()
   where id = p_invoice_id returning * into v_invoice;
  return v_invoice;
end
$$;
comment on function private.void_invoice(uuid,text) is 'Security definer body of public.void_invoice.';
revoke all on function private.void_invoice(uuid,text) from public, anon, authenticated;
grant execute on function private.void_invoice(uuid,text) to authenticated;

create function public.void_invoice(p_invoice_id uuid, p_reason text) returns setof public.invoices
language sql
set search_path = ''
as $$ select * from private.void_invoice(p_invoice_id, p_reason) $$;
comment on function public.void_invoice(uuid,text) is 'Owners and admins void an invoice with a reason (an issued one keeps its number); refused while it holds unrefunded payments.';
revoke all on function public.void_invoice(uuid,text) from public, anon, authenticated;
grant execute on function public.void_invoice(uuid,text) to authenticated;
