-- Why: the invoice editor and the invoices list look for clients only. 620 ranked clients and pets together, so
-- the app asked for 50 results and kept the clients: in a clinic with more than 50 pets named Luna, typing "luna"
-- found pets only, and the client Luna Martinez never came up. The kind is now a filter inside the search, applied
-- before the limit (and before the "inside a word" tier decides whether the answer is already full). The body is
-- 620's with those two changes; the three-argument functions are replaced by four-argument ones whose p_kind
-- defaults to null (both kinds), so every existing call keeps its meaning.

drop function public.search_clinic_records(uuid, text, integer);
drop function private.search_clinic_records(uuid, text, integer);

create function private.search_clinic_records(p_clinic_id uuid, p_query text, p_limit integer, p_kind text)
returns table (
  kind text, id uuid, label text, client_id uuid, client_name text, phone text, email text,
  species text, microchip text, archived boolean, rank integer
)
language plpgsql stable security definer
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  v_q text := btrim(coalesce(p_query, ''));
  v_p record;
  v_fold text;
  v_exact text;    -- a document starting so has exactly the typed name
  v_starts text[] := '{}'; -- per word: it starts a word of the record
  v_heads text[] := '{}';  -- per word: the start of a record that begins with it (a document begins with the name)
  v_parts text[] := '{}';  -- per word: inside a word from 3 letters, else at a word start
  v_key1 text;     -- the index keys: the longest word's pattern, and the next word's if it has 3 letters or more
  v_key2 text;
  v_chip text := upper(regexp_replace(btrim(coalesce(p_query, '')), '[^0-9A-Za-z]', '', 'g'));
  v_cap integer := coalesce(p_limit, 0) * 4 + 20;
begin
  if length(v_q) = 0 or length(v_q) > 100 then
    raise exception 'invalid_input' using errcode = 'VT422', column = 'q', detail = 'Type 1 to 100 characters.';
  end if;
  if p_limit is null or p_limit < 1 or p_limit > 50 then
    raise exception 'invalid_input' using errcode = 'VT422', column = 'limit', detail = 'The limit is 1 to 50.';
  end if;
  if p_kind is not null and p_kind not in ('client', 'pet') then
    raise exception 'invalid_input' using errcode = 'VT422', column = 'kind', detail = 'The kind is client or pet.';
  end if;
  perform private.require_clinic_role(p_clinic_id);

  v_p := private.parse_search_query(v_q);
  v_fold := private.fold_for_search(v_q);
  v_exact := ' ' || v_fold || ' |';
  -- a phone-like text is matched as a phone only: its digit groups as words would rank a number that merely
  -- starts the same above the exact one
  if v_p.digits is null then
    v_starts := array(select '% ' || w || '%' from unnest(v_p.words) w);
    v_heads := array(select ' ' || w from unnest(v_p.words) w);
    v_parts := array(select case when length(w) >= 3 then '%' || w || '%' else '% ' || w || '%' end from unnest(v_p.words) w);
    -- a word start's trigrams include a blank one ("  g") that most documents hold; "inside a word" keys read only
    -- the word's own trigrams, and the word-start condition is then checked on the few rows they find
    v_key1 := v_parts[1];
    v_key2 := case when length(v_p.words[2]) >= 3 then v_parts[2] else v_parts[1] end;
  end if;

  return query
  with desk as materialized (
    (select m.id, m.rank from private.match_client_phones(p_clinic_id, v_p.digits, v_p.international, v_cap) m)
    union all
    (select c.id, 5 from public.clients c
      where c.clinic_id = p_clinic_id and v_q like '%@%' and c.email operator(extensions.=) v_q::extensions.citext)
  ), hits as materialized (
    (select 'pet'::text as kind, p.id, 0 as rank from public.pets p
      where p.clinic_id = p_clinic_id and length(v_chip) between 9 and 20 and upper(p.microchip) = v_chip limit v_cap)
    union all (select 'client', d.id, d.rank from desk d)
    union all (select 'pet', p.id, d.rank + 1 from desk d join public.pets p on p.client_id = d.id limit v_cap)
    union all
    -- a range of the prefix index per word: every document from ' word' up to ' word' followed by the highest
    -- character starts with ' word' (the operators compare bytes, as text_pattern_ops sorts)
    (select 'client', d.client_id, d.rank from unnest(v_heads) h
       cross join lateral (select d.client_id, case when starts_with(d.doc, v_exact) then 10 else 20 end as rank
                             from private.client_search_docs d
                            where d.clinic_id = p_clinic_id and left(d.doc, 200) ~>=~ h
                              and left(d.doc, 200) ~<~ (h || chr(1114111))
                              and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_starts) limit v_cap) d
      limit v_cap)
    union all
    (select 'client', d.client_id, 30 from private.client_search_docs d
      where d.clinic_id = p_clinic_id and d.doc like v_key1 and d.doc like v_key2
        and d.doc like all (v_starts) limit v_cap)
    union all
    (select 'pet', d.pet_id, d.rank from unnest(v_heads) h
       cross join lateral (select d.pet_id, case when starts_with(d.doc, v_exact) then 11 else 21 end as rank
                             from private.pet_search_docs d
                            where d.clinic_id = p_clinic_id and left(d.doc, 200) ~>=~ h
                              and left(d.doc, 200) ~<~ (h || chr(1114111))
                              and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_starts) limit v_cap) d
      limit v_cap)
    union all
    (select 'pet', d.pet_id, 31 from private.pet_search_docs d
      where d.clinic_id = p_clinic_id and d.doc like v_key1 and d.doc like v_key2
        and d.doc like all (v_starts) limit v_cap)
  ), weak as (
    -- words inside words rank last: when the stronger matches already fill the answer they are not looked for
    (select 'client'::text as kind, d.client_id as id, 50 as rank from private.client_search_docs d
      where d.clinic_id = p_clinic_id and v_parts <> v_starts and (select count(distinct h.kind || h.id::text) from hits h where p_kind is null or h.kind = p_kind) < p_limit
        and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_parts)
      limit v_cap)
    union all
    (select 'pet', d.pet_id, 51 from private.pet_search_docs d
      where d.clinic_id = p_clinic_id and v_parts <> v_starts and (select count(distinct h.kind || h.id::text) from hits h where p_kind is null or h.kind = p_kind) < p_limit
        and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_parts)
      limit v_cap)
  ), best as (
    select h.kind, h.id, min(h.rank) as rank from (select * from hits union all select * from weak) h
     where p_kind is null or h.kind = p_kind
     group by h.kind, h.id
  ), shown as (
    select b.kind, b.id, o.full_name as label, o.id as client_id, o.full_name as client_name, o.phone,
           o.email::text as email, null::text as species, null::text as microchip, false as archived, b.rank
      from best b join public.clients o on o.id = b.id where b.kind = 'client'
    union all
    select b.kind, b.id, p.name, o.id, o.full_name, o.phone, o.email::text, p.species, p.microchip,
           p.archived_at is not null, b.rank
      from best b join public.pets p on p.id = b.id join public.clients o on o.id = p.client_id where b.kind = 'pet'
  )
  -- similarity() ignores case and punctuation; an accent only nudges the order within a rank
  select r.kind, r.id, r.label, r.client_id, r.client_name, r.phone, r.email, r.species, r.microchip, r.archived,
         r.rank + case when r.archived then 100 else 0 end as rank
    from shown r
   order by 11, extensions.similarity(r.label, v_fold) desc, r.label, r.id
   limit p_limit;
end
$$;
comment on function private.search_clinic_records(uuid, text, integer, text) is
  'Ranked clients and pets (or one kind: client, pet) of one clinic in which every typed word matches (name, email, phone; a pet also by its owner''s), accents ignored; exact microchip, phone or email first; staff of that clinic only.';
revoke all on function private.search_clinic_records(uuid, text, integer, text) from public, anon, authenticated;
grant execute on function private.search_clinic_records(uuid, text, integer, text) to authenticated;

create function public.search_clinic_records(p_clinic_id uuid, p_query text, p_limit integer default 10, p_kind text default null)
returns table (
  kind text, id uuid, label text, client_id uuid, client_name text, phone text, email text,
  species text, microchip text, archived boolean, rank integer
)
language sql stable
set search_path = ''
as $$
  select * from private.search_clinic_records(p_clinic_id, p_query, p_limit, p_kind)
$$;
comment on function public.search_clinic_records(uuid, text, integer, text) is
  'Front-desk lookup: the caller''s clinic''s clients and pets (or only clients, or only pets: p_kind) matching every typed word in any order (name, phone, email, microchip; a pet also by its owner''s details), best first (at most 50).';
revoke all on function public.search_clinic_records(uuid, text, integer, text) from public, anon, authenticated;
grant execute on function public.search_clinic_records(uuid, text, integer, text) to authenticated;
