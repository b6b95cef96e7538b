-- Why: the front desk finds a client or a pet as it types, by name, phone, email or microchip, in clinics
-- with 100,000 pets. Trigram GIN indexes answer name/email/phone-digit fragments and prefixes without a
-- scan; a microchip is matched exactly. One function returns ranked mixed results for the caller's clinic.

create extension if not exists pg_trgm with schema extensions;

-- Expression indexes: the search below uses exactly these expressions, so the planner can match them.
create index clients_full_name_trgm_idx on public.clients using gin (lower(full_name) extensions.gin_trgm_ops);
create index clients_email_trgm_idx on public.clients using gin (lower(email::text) extensions.gin_trgm_ops);
-- Phones are stored as typed ("+34 600 11 22 33"); the index holds only their digits.
create index clients_phone_digits_trgm_idx on public.clients
  using gin (regexp_replace(phone, '[^0-9]', '', 'g') extensions.gin_trgm_ops);
create index pets_name_trgm_idx on public.pets using gin (lower(name) extensions.gin_trgm_ops);
create index pets_clinic_microchip_upper_idx on public.pets (clinic_id, upper(microchip)) where microchip is not null;

-- Security definer: the policies on clients and pets call a function per row, which costs more than the
-- search itself at this size. The function checks the caller is staff of p_clinic_id first (user from the
-- session, never a parameter) and then reads only that clinic's rows.
create function private.search_clinic_records(p_clinic_id uuid, p_query text, p_limit integer)
returns table (
  kind text, id uuid, label text, client_id uuid, client_name text, phone text, email text,
  species text, microchip text, archived boolean, rank integer
)
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_q text := lower(btrim(coalesce(p_query, '')));
  v_like text;
  v_digits text;
  v_chip text;
  v_cap integer;
begin
  if length(v_q) = 0 or length(v_q) > 100 then
    raise exception 'invalid_input' using errcode = 'VT422', column = 'q', detail = 'Type 1 to 100 characters.';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 50 then
    raise exception 'invalid_input' using errcode = 'VT422', column = 'limit', detail = 'The limit is 1 to 50.';
  end if;
  perform private.require_clinic_role(p_clinic_id);

  v_like := replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_');
  v_digits := case when v_q ~ '^\+?[0-9 ().-]+$' then regexp_replace(v_q, '[^0-9]', '', 'g') end;
  v_chip := upper(regexp_replace(v_q, '[^0-9a-z]', '', 'g'));
  v_cap := p_limit * 4 + 20;

  return query
  -- Each way of matching is capped: a broad fragment ("gonz") matches thousands of rows, and staff type on
  -- rather than scroll, so only the best few of each kind need ranking. Exact, prefix and word-start
  -- matches are their own branches, so a flood of mere "contains" matches can not crowd them out.
  with hits as (
    (select 'client'::text as kind, c.id, c.full_name as label, c.id as client_id, c.full_name as client_name,
            c.phone, c.email::text as email, null::text as species, null::text as microchip, false as archived,
            case when lower(c.full_name) = v_q then 10 else 20 end as rank
       from public.clients c
      where c.clinic_id = p_clinic_id and lower(c.full_name) like v_like || '%'
      limit v_cap)
    union all
    (select 'client', c.id, c.full_name, c.id, c.full_name, c.phone, c.email::text, null, null, false, 30
       from public.clients c
      where c.clinic_id = p_clinic_id and lower(c.full_name) like '% ' || v_like || '%'
      limit v_cap)
    union all
    (select 'client', c.id, c.full_name, c.id, c.full_name, c.phone, c.email::text, null, null, false, 50
       from public.clients c
      where c.clinic_id = p_clinic_id and length(v_q) >= 3 and lower(c.full_name) like '%' || v_like || '%'
      limit v_cap)
    union all
    (select 'client', c.id, c.full_name, c.id, c.full_name, c.phone, c.email::text, null, null, false,
            case when lower(c.email::text) = v_q then 10 else 40 end
       from public.clients c
      where c.clinic_id = p_clinic_id and length(v_q) >= 3 and lower(c.email::text) like '%' || v_like || '%'
      limit v_cap)
    union all
    (select 'client', c.id, c.full_name, c.id, c.full_name, c.phone, c.email::text, null, null, false,
            case when regexp_replace(c.phone, '[^0-9]', '', 'g') = v_digits then 10 else 40 end
       from public.clients c
      where c.clinic_id = p_clinic_id and length(v_digits) >= 3
        and regexp_replace(c.phone, '[^0-9]', '', 'g') like '%' || v_digits || '%'
      limit v_cap)
    union all
    (select 'pet', p.id, p.name, o.id, o.full_name, o.phone, o.email::text, p.species, p.microchip,
            p.archived_at is not null, case when lower(p.name) = v_q then 11 else 21 end
       from public.pets p join public.clients o on o.id = p.client_id
      where p.clinic_id = p_clinic_id and lower(p.name) like v_like || '%'
      limit v_cap)
    union all
    (select 'pet', p.id, p.name, o.id, o.full_name, o.phone, o.email::text, p.species, p.microchip,
            p.archived_at is not null, 31
       from public.pets p join public.clients o on o.id = p.client_id
      where p.clinic_id = p_clinic_id and lower(p.name) like '% ' || v_like || '%'
      limit v_cap)
    union all
    (select 'pet', p.id, p.name, o.id, o.full_name, o.phone, o.email::text, p.species, p.microchip,
            p.archived_at is not null, 51
       from public.pets p join public.clients o on o.id = p.client_id
      where p.clinic_id = p_clinic_id and length(v_q) >= 3 and lower(p.name) like '%' || v_like || '%'
      limit v_cap)
    union all
    (select 'pet', p.id, p.name, o.id, o.full_name, o.phone, o.email::text, p.species, p.microchip,
            p.archived_at is not null, 0
       from public.pets p join public.clients o on o.id = p.client_id
      where p.clinic_id = p_clinic_id and length(v_chip) between 9 and 20 and upper(p.microchip) = v_chip
      limit v_cap)
  ), best as (
    select distinct on (h.kind, h.id) h.* from hits h order by h.kind, h.id, h.rank
  )
  -- Archived pets still answer (a chart is looked up after the fact) but after the living ones.
  select b.kind, b.id, b.label, b.client_id, b.client_name, b.phone, b.email, b.species, b.microchip, b.archived,
         b.rank + case when b.archived then 100 else 0 end
    from best b
   order by b.rank + case when b.archived then 100 else 0 end, extensions.similarity(lower(b.label), v_q) desc,
            b.label, b.id
   limit p_limit;
end
$$;
comment on function private.search_clinic_records(uuid, text, integer) is
  'Ranked clients and pets of one clinic matching a name, phone, email or microchip; staff of that clinic only.';
revoke all on function private.search_clinic_records(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.search_clinic_records(uuid, text, integer) to authenticated;

create function public.search_clinic_records(p_clinic_id uuid, p_query text, p_limit integer default 10)
returns table (
  kind text, id uuid, label text, client_id uuid, client_name text, phone text, email text,
  species text, microchip text, archived boolean, rank integer
)
language sql stable
set search_path = ''
as $$
  select * from private.search_clinic_records(p_clinic_id, p_query, p_limit)
$$;
comment on function public.search_clinic_records(uuid, text, integer) is
  'Front-desk lookup: the caller''s clinic''s clients and pets by name, phone, email or microchip, best first (at most 50).';
revoke all on function public.search_clinic_records(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.search_clinic_records(uuid, text, integer) to authenticated;
