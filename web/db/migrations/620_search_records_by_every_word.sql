-- Why: the front desk types "garcia luna", "luna garcia", "Ana García", "gar lu" or an owner's phone, and
-- expects the pet. 610 matched the whole text against one field at a time, so another word order, an accent or
-- an owner's detail found nothing. Now every typed word must match somewhere in the record (a client: name,
-- email, phone; a pet: its name plus all of its owner's), at a word's start, or inside a word for 3 letters or
-- more. Accents are folded by our own immutable function: the unaccent extension exists on Supabase, Debian's
-- PostgreSQL and the embedded one, but unaccent() is only STABLE (it reads a dictionary by name), so it can not
-- build an index or a stored document without a wrapper that claims an immutability it does not have.
-- Each record's searchable text is kept in a private table by triggers, so a pet is found by its owner's
-- details through one trigram index (an owner's edit rewrites only these rows, never the pets themselves).

create function private.fold_for_search(p_text text) returns text
language sql immutable strict parallel safe
set search_path = ''
as $$
  -- the uppercase letters are listed too: lower() leaves non-ASCII alone under the C collation
  select pg_catalog.btrim(pg_catalog.regexp_replace(pg_catalog.translate(pg_catalog.lower(p_text),
    'áàâäãåāăąçćčďéèêëēėęěğíìîïīįłñńňóòôöõøōőřśšşťţúùûüūůűųýÿźżžÁÀÂÄÃÅĀĂĄÇĆČĎÉÈÊËĒĖĘĚĞÍÌÎÏĪĮŁÑŃŇÓÒÔÖÕØŌŐŘŚŠŞŤŢÚÙÛÜŪŮŰŲÝŸŹŻŽ',
    'aaaaaaaaacccdeeeeeeeegiiiiiilnnnoooooooorsssttuuuuuuuuyyzzzaaaaaaaaacccdeeeeeeeegiiiiiilnnnoooooooorsssttuuuuuuuuyyzzz'),
    '[[:space:][:punct:]]+', ' ', 'g'))
$$;
comment on function private.fold_for_search(text) is
  'Search form of a text: lower case, Latin accents removed (García -> garcia), punctuation and runs of spaces as one space (quinn.adams@x.test -> quinn adams x test).';
revoke all on function private.fold_for_search(text) from public, anon, authenticated;

create function private.client_search_doc(p_full_name text, p_email text, p_phone text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select ' ' || coalesce(private.fold_for_search(p_full_name), '') || ' | ' || coalesce(private.fold_for_search(p_email), '')
      || ' ' || coalesce(pg_catalog.regexp_replace(p_phone, '[^0-9]', '', 'g'), '') || ' '
$$;
comment on function private.client_search_doc(text, text, text) is
  'A client''s searchable text: " <folded name> | <folded email words> <phone digits> ". Every word follows a space (a word start is " " || word); " |" ends the name (folding never leaves a |).';
revoke all on function private.client_search_doc(text, text, text) from public, anon, authenticated;

create function private.pet_search_doc(p_name text, p_client_doc text) returns text
language sql immutable parallel safe
set search_path = ''
as $$ select ' ' || coalesce(private.fold_for_search(p_name), '') || ' |' || coalesce(p_client_doc, '') $$;
comment on function private.pet_search_doc(text, text) is
  'A pet''s searchable text: " <folded name> |" then its owner''s searchable text (so a document starting " luna |" is a pet named Luna).';
revoke all on function private.pet_search_doc(text, text) from public, anon, authenticated;

-- Private (not exposed through an API), RLS enabled and no user grants: only the triggers and the search
-- function below (security definer, owner role) read or write them.
create table private.client_search_docs (
  client_id uuid primary key references public.clients (id) on delete cascade,
  clinic_id uuid not null,
  doc text not null
);
comment on table private.client_search_docs is
  'One row per client: its searchable text (private.client_search_doc), kept by triggers on public.clients.';
alter table private.client_search_docs enable row level security;
revoke all on table private.client_search_docs from public, anon, authenticated;

create table private.pet_search_docs (
  pet_id uuid primary key references public.pets (id) on delete cascade,
  clinic_id uuid not null,
  doc text not null
);
comment on table private.pet_search_docs is
  'One row per pet: its searchable text with its owner''s (private.pet_search_doc), kept by triggers on public.pets and public.clients.';
alter table private.pet_search_docs enable row level security;
revoke all on table private.pet_search_docs from public, anon, authenticated;

insert into private.client_search_docs (client_id, clinic_id, doc)
select c.id, c.clinic_id, private.client_search_doc(c.full_name, c.email::text, c.phone) from public.clients c;
insert into private.pet_search_docs (pet_id, clinic_id, doc)
select p.id, p.clinic_id, private.pet_search_doc(p.name, d.doc)
  from public.pets p join private.client_search_docs d on d.client_id = p.client_id;

-- Trigram indexes find every typed word anywhere; the prefix indexes find the records whose name starts with a
-- word (a document begins with the name) without rechecking every record that merely contains it. Only the
-- first 200 characters go in a btree entry: a typed word is at most 100.
create index client_search_docs_doc_trgm_idx on private.client_search_docs using gin (doc extensions.gin_trgm_ops);
create index pet_search_docs_doc_trgm_idx on private.pet_search_docs using gin (doc extensions.gin_trgm_ops);
create index client_search_docs_prefix_idx on private.client_search_docs (clinic_id, left(doc, 200) text_pattern_ops);
create index pet_search_docs_prefix_idx on private.pet_search_docs (clinic_id, left(doc, 200) text_pattern_ops);

-- Security definer: a client editing their own details, or staff adding a pet, may not write these tables.
-- Inserts are statement triggers (one set-based insert for a bulk load); updates are row triggers that fire only
-- when a searched field changed. The owner is read from public.clients, not from client_search_docs, so a client
-- and its pets inserted by one statement are indexed whatever order the triggers fire in.
create function private.index_inserted_clients() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.client_search_docs (client_id, clinic_id, doc)
  select n.id, n.clinic_id, private.client_search_doc(n.full_name, n.email::text, n.phone) from inserted n;
  return null;
end
$$;
comment on function private.index_inserted_clients() is 'Trigger: searchable text for newly inserted clients.';
revoke all on function private.index_inserted_clients() from public, anon, authenticated;
create trigger clients_index_for_search after insert on public.clients
  referencing new table as inserted for each statement execute function private.index_inserted_clients();

create function private.reindex_client() returns trigger
language plpgsql security definer
set search_path = ''
as $$
declare
  v_doc text := private.client_search_doc(new.full_name, new.email::text, new.phone);
begin
  update private.client_search_docs set doc = v_doc where client_id = new.id;
  update private.pet_search_docs d set doc = private.pet_search_doc(p.name, v_doc)
    from public.pets p where p.client_id = new.id and d.pet_id = p.id;
  return null;
end
$$;
comment on function private.reindex_client() is
  'Trigger: a client''s name, email or phone changed, so its searchable text and its pets'' are rewritten.';
revoke all on function private.reindex_client() from public, anon, authenticated;
create trigger clients_reindex_for_search after update of full_name, email, phone on public.clients for each row
  when (old.full_name is distinct from new.full_name or old.email is distinct from new.email
        or old.phone is distinct from new.phone)
  execute function private.reindex_client();

create function private.index_inserted_pets() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  insert into private.pet_search_docs (pet_id, clinic_id, doc)
  select n.id, n.clinic_id, private.pet_search_doc(n.name, private.client_search_doc(o.full_name, o.email::text, o.phone))
    from inserted n join public.clients o on o.id = n.client_id;
  return null;
end
$$;
comment on function private.index_inserted_pets() is 'Trigger: searchable text (with the owner''s) for newly inserted pets.';
revoke all on function private.index_inserted_pets() from public, anon, authenticated;
create trigger pets_index_for_search after insert on public.pets
  referencing new table as inserted for each statement execute function private.index_inserted_pets();

create function private.reindex_pet() returns trigger
language plpgsql security definer
set search_path = ''
as $$
begin
  update private.pet_search_docs
     set doc = private.pet_search_doc(new.name, private.client_search_doc(o.full_name, o.email::text, o.phone))
    from public.clients o where o.id = new.client_id and pet_id = new.id;
  return null;
end
$$;
comment on function private.reindex_pet() is 'Trigger: a pet''s name or owner changed, so its searchable text is rewritten.';
revoke all on function private.reindex_pet() from public, anon, authenticated;
create trigger pets_reindex_for_search after update of name, client_id on public.pets for each row
  when (old.name is distinct from new.name or old.client_id is distinct from new.client_id)
  execute function private.reindex_pet();

-- The search reads the documents now; these 610 indexes served only the old one-field matching.
drop index public.clients_full_name_trgm_idx;
drop index public.clients_email_trgm_idx;
drop index public.pets_name_trgm_idx;

-- The typed text as the search uses it: its folded words (longest first: the most selective go to the index),
-- and, when it looks like a phone number, its digits without a leading 00, and whether it had a country code.
create function private.parse_search_query(p_query text, out words text[], out digits text, out international boolean)
language plpgsql immutable
set search_path = ''
as $$
begin
  select coalesce(array_agg(w order by length(w) desc, w), '{}') into words
    from (select distinct w from unnest(pg_catalog.string_to_array(private.fold_for_search(p_query), ' ')) w
           where w <> '') x;
  if p_query ~ '^\s*(\+|00)?[0-9 ().-]+$' then
    digits := pg_catalog.regexp_replace(p_query, '[^0-9]', '', 'g');
    international := p_query ~ '^\s*(\+|00)';
    if p_query ~ '^\s*00' then
      digits := substr(digits, 3);
    end if;
    if length(digits) < 3 then
      digits := null;
    end if;
  end if;
  international := coalesce(international, false);
end
$$;
comment on function private.parse_search_query(text) is
  'Splits front-desk search text into folded words (longest first) and, for a phone-like text, its digits (a leading 00 dropped) and whether a country code was typed.';
revoke all on function private.parse_search_query(text) from public, anon, authenticated;

-- Clients of one clinic by phone digits (at least 3), however either side was written: 5 when it is the same
-- number (also when one side has a country code of 1 to 3 digits, or 00 and the code, and the other has not), 40
-- when the stored number merely contains the digits. A number typed with a country code also finds one stored
-- without it, by the rest of the digits at the start (at least 6 of them).
create function private.match_client_phones(p_clinic_id uuid, p_digits text, p_international boolean, p_limit integer)
returns table (id uuid, rank integer)
language plpgsql stable
set search_path = ''
set plan_cache_mode = force_custom_plan
as $$
declare
  v_patterns text[] := array['%' || p_digits || '%'] || array(select substr(p_digits, k) || '%' from generate_series(2, 4) k
                                                              where p_international and length(p_digits) - k >= 5);
begin
  return query
  select c.id,
         case when s.d = p_digits
                or (length(p_digits) >= 6 and length(s.d) - length(p_digits) between 1 and 4 and right(s.d, length(p_digits)) = p_digits)
                or (p_international and length(s.d) >= 6 and length(p_digits) - length(s.d) between 1 and 3
                    and right(p_digits, length(s.d)) = s.d)
              then 5 else 40 end
    from public.clients c
   cross join lateral (select pg_catalog.regexp_replace(c.phone, '[^0-9]', '', 'g') as d) s
   -- the expression of clients_phone_digits_trgm_idx (610), with the patterns as one array for its bitmap scans
   where c.clinic_id = p_clinic_id and length(p_digits) >= 3
     and pg_catalog.regexp_replace(c.phone, '[^0-9]', '', 'g') like any (v_patterns)
   limit p_limit;
end
$$;
comment on function private.match_client_phones(uuid, text, boolean, integer) is
  'Clients of a clinic whose phone matches typed digits: rank 5 the same number (with or without a country code), 40 part of it. No caller check: only private.search_clinic_records calls it, after its own.';
revoke all on function private.match_client_phones(uuid, text, boolean, integer) from public, anon, authenticated;

-- Same signature and security as 610 (security definer for speed: per-row policy calls cost more than the search;
-- the caller must be staff of p_clinic_id, from the session). Ranks, best first: 0 an exact microchip; 5 an exact
-- phone or email (6 that client's pets); 10 the exact name; 20 the name starts with one of the words; 30 every
-- word starts a word of the record; 40 part of a phone (41 that client's pets); 50 a word only inside a word.
-- Pets rank one after clients of the same kind of match, archived pets 100 later. Each way of matching is one
-- capped branch, so a broad word costs a bounded amount and a flood of weak matches can not crowd out strong ones.
-- Planned for each call's own words (force_custom_plan): a plan cached for generic patterns can not tell a
-- phone from a name and scanned every client for each (measured: 400 ms instead of 5 at 100,000 pets).
create or replace function private.search_clinic_records(p_clinic_id uuid, p_query text, p_limit integer)
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
      where d.clinic_id = p_clinic_id and v_parts <> v_starts and (select count(distinct h.kind || h.id::text) from hits h) < p_limit
        and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_parts)
      limit v_cap)
    union all
    (select 'pet', d.pet_id, 51 from private.pet_search_docs d
      where d.clinic_id = p_clinic_id and v_parts <> v_starts and (select count(distinct h.kind || h.id::text) from hits h) < p_limit
        and d.doc like v_key1 and d.doc like v_key2 and d.doc like all (v_parts)
      limit v_cap)
  ), best as (
    select h.kind, h.id, min(h.rank) as rank from (select * from hits union all select * from weak) h
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
comment on function private.search_clinic_records(uuid, text, integer) is
  'Ranked clients and pets of one clinic in which every typed word matches (name, email, phone; a pet also by its owner''s), accents ignored; exact microchip, phone or email first; staff of that clinic only.';
revoke all on function private.search_clinic_records(uuid, text, integer) from public, anon, authenticated;
grant execute on function private.search_clinic_records(uuid, text, integer) to authenticated;

comment on function public.search_clinic_records(uuid, text, integer) is
  'Front-desk lookup: the caller''s clinic''s clients and pets matching every typed word in any order (name, phone, email, microchip; a pet also by its owner''s details), best first (at most 50).';
revoke all on function public.search_clinic_records(uuid, text, integer) from public, anon, authenticated;
grant execute on function public.search_clinic_records(uuid, text, integer) to authenticated;
