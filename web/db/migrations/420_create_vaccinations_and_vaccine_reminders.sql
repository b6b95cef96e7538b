-- Why: each clinic keeps a list of the vaccines it gives (name, species, usual interval), staff record the
-- vaccinations a pet received (batch, date, who, next due date defaulting from the interval), and a pet's
-- status per vaccine is up to date, due soon or overdue in the clinic's time zone. Vaccine reminders go
-- through the existing reminders job and outbox: clinic-configurable offsets in days before the due date
-- plus one overdue reminder, one message per client per clinic-day covering several pets and vaccines,
-- never once the vaccine was given again or an appointment for the pet was booked after the reminder
-- window opened, channel and consent as for appointment reminders. private.vaccine_reminders records every
-- (vaccination, due date, offset) handled; its primary key is the once-only guard under overlapping runs.

create table public.vaccines (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  -- null: any species
  species text check (species is null or species in ('dog', 'cat', 'rabbit', 'bird', 'reptile', 'rodent', 'ferret', 'horse', 'other')),
  interval_days integer not null check (interval_days between 1 and 3650),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (clinic_id, id)
);

create unique index vaccines_clinic_name_species_key on public.vaccines (clinic_id, lower(name), coalesce(species, ''));

alter table public.vaccines enable row level security;

create trigger vaccines_touch before update on public.vaccines for each row execute function private.touch_updated_at();

revoke all on table public.vaccines from public, anon, authenticated;
grant select on public.vaccines to authenticated;
grant insert (clinic_id, name, species, interval_days, active) on public.vaccines to authenticated;
grant update (name, species, interval_days, active) on public.vaccines to authenticated;

create policy "staff can read their clinic's vaccines" on public.vaccines
  for select to authenticated using (private.has_clinic_role(clinic_id));

create policy "vets owners and admins can add vaccines" on public.vaccines
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]));

create policy "vets owners and admins can edit vaccines" on public.vaccines
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]));

create table public.vaccinations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  pet_id uuid not null,
  vaccine_id uuid not null,
  given_on date not null,
  batch text check (batch is null or length(btrim(batch)) between 1 and 80),
  given_by uuid not null references public.users (id) on delete restrict,
  -- as written: staff cannot read other people's user rows, and the record outlives team changes
  given_by_name text not null,
  next_due_on date check (next_due_on is null or next_due_on > given_on),
  created_at timestamptz not null default now(),
  foreign key (clinic_id, pet_id) references public.pets (clinic_id, id) on delete cascade,
  foreign key (clinic_id, vaccine_id) references public.vaccines (clinic_id, id) on delete restrict
);

create index vaccinations_pet_idx on public.vaccinations (pet_id, vaccine_id, given_on desc, created_at desc);

create index vaccinations_due_idx on public.vaccinations (next_due_on) where next_due_on is not null;

alter table public.vaccinations enable row level security;

revoke all on table public.vaccinations from public, anon, authenticated;
grant select on public.vaccinations to authenticated;

create policy "staff can read their clinic's vaccinations" on public.vaccinations
  for select to authenticated using (private.has_clinic_role(clinic_id));

-- Security definer: users have no insert grant; the person giving the vaccine is the session's user.
create function private.record_vaccination(
  p_clinic_id uuid, p_pet_id uuid, p_vaccine_id uuid, p_given_on date, p_batch text, p_next_due_on date
) returns public.vaccinations
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin', 'vet']::public.staff_role[]);
  v_pet public.pets;
  v_vaccine public.vaccines;
  v_row public.vaccinations;
begin
  select * into v_pet from public.pets where id = p_pet_id and clinic_id = p_clinic_id and archived_at is null;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', column = 'pet_id', detail = 'No such pet in this clinic.';
  end if;
  select * into v_vaccine from public.vaccines where id = p_vaccine_id and clinic_id = p_clinic_id and active;
  if not found or (v_vaccine.species is not null and v_vaccine.species <> v_pet.species) then
    raise exception 'vaccine_not_for_pet' using errcode = 'VT422', column = 'vaccine_id', detail = 'Choose one of the clinic''s vaccines for this species.';
  end if;
  if p_given_on is null or p_given_on > private.clinic_today(p_clinic_id) then
    raise exception 'given_on_in_future' using errcode = 'VT422', column = 'given_on', detail = 'The date given cannot be in the future.';
  end if;
  if p_next_due_on is not null and p_next_due_on <= p_given_on then
    raise exception 'next_due_before_given' using errcode = 'VT422', column = 'next_due_on', detail = 'The next due date must be after the date given.';
  end if;
  insert into public.vaccinations (clinic_id, pet_id, vaccine_id, given_on, batch, given_by, given_by_name, next_due_on)
  values (p_clinic_id, p_pet_id, p_vaccine_id, p_given_on, nullif(btrim(p_batch), ''), v_user,
          (select u.name from public.users u where u.id = v_user),
          coalesce(p_next_due_on, p_given_on + v_vaccine.interval_days))
  returning * into v_row;
  return v_row;
end
$$;
revoke all on function private.record_vaccination(uuid,uuid,uuid,date,text,date) from public, anon, authenticated;
grant execute on function private.record_vaccination(uuid,uuid,uuid,date,text,date) to authenticated;

create function public.record_vaccination(
  p_clinic_id uuid, p_pet_id uuid, p_vaccine_id uuid, p_given_on date, p_batch text default null, p_next_due_on date default null
) returns setof public.vaccinations
language sql
set search_path = ''
as $$ select * from private.record_vaccination(p_clinic_id, p_pet_id, p_vaccine_id, p_given_on, p_batch, p_next_due_on) $$;
comment on function public.record_vaccination(uuid,uuid,uuid,date,text,date) is 'Vets, owners and admins record a vaccination given to a pet of the clinic; the next due date defaults from the vaccine''s interval.';
revoke all on function public.record_vaccination(uuid,uuid,uuid,date,text,date) from public, anon, authenticated;
grant execute on function public.record_vaccination(uuid,uuid,uuid,date,text,date) to authenticated;

alter table public.clinic_reminder_settings
  add column vaccine_offsets_days integer[] not null default '{30,7}'
    check (cardinality(vaccine_offsets_days) between 0 and 4 and 1 <= all (vaccine_offsets_days) and 365 >= all (vaccine_offsets_days)),
  -- days after the due date for the one overdue reminder; null sends none
  add column vaccine_overdue_days integer default 7 check (vaccine_overdue_days is null or vaccine_overdue_days between 1 and 90);

grant insert (vaccine_offsets_days, vaccine_overdue_days) on public.clinic_reminder_settings to authenticated;
grant update (vaccine_offsets_days, vaccine_overdue_days) on public.clinic_reminder_settings to authenticated;

-- The status of one due date on a clinic day: "due soon" inside the largest reminder offset (30 days when
-- the clinic has none).
create function private.vaccine_status(p_due date, p_today date, p_soon_days integer) returns text
language sql immutable
set search_path = ''
as $$
  select case when p_due is null then 'no_due_date'
              when p_due < p_today then 'overdue'
              when p_due <= p_today + coalesce(p_soon_days, 30) then 'due_soon'
              else 'up_to_date' end
$$;
comment on function private.vaccine_status(date,date,integer) is 'up_to_date, due_soon, overdue or no_due_date for a due date on a given clinic day.';
revoke all on function private.vaccine_status(date,date,integer) from public, anon, authenticated;
grant execute on function private.vaccine_status(date,date,integer) to authenticated;

-- The latest vaccination per (pet, vaccine) of the clinic's pets (a later dose replaces the earlier one).
create function private.latest_vaccinations(p_clinic_id uuid)
returns table (vaccination_id uuid, pet_id uuid, vaccine_id uuid, vaccine_name text, given_on date, next_due_on date, status text)
language sql stable
set search_path = ''
as $$
  select distinct on (v.pet_id, v.vaccine_id) v.id, v.pet_id, v.vaccine_id, x.name, v.given_on, v.next_due_on,
         private.vaccine_status(v.next_due_on, private.clinic_today(v.clinic_id),
           (select max(o) from public.clinic_reminder_settings rs, unnest(rs.vaccine_offsets_days) o where rs.clinic_id = v.clinic_id))
  from public.vaccinations v
  join public.vaccines x on x.id = v.vaccine_id
  where v.clinic_id = p_clinic_id
  order by v.pet_id, v.vaccine_id, v.given_on desc, v.created_at desc
$$;
comment on function private.latest_vaccinations(uuid) is 'Each pet''s latest vaccination per vaccine in the clinic with its status; invoker rights, so RLS decides what is seen.';
revoke all on function private.latest_vaccinations(uuid) from public, anon, authenticated;
grant execute on function private.latest_vaccinations(uuid) to authenticated;

create function public.list_pet_vaccine_status(p_clinic_id uuid, p_pet_id uuid)
returns table (vaccination_id uuid, vaccine_id uuid, vaccine_name text, given_on date, next_due_on date, status text)
language sql stable
set search_path = ''
as $$
  select l.vaccination_id, l.vaccine_id, l.vaccine_name, l.given_on, l.next_due_on, l.status
  from private.latest_vaccinations(p_clinic_id) l where l.pet_id = p_pet_id
  order by l.next_due_on nulls last, l.vaccine_name
$$;
comment on function public.list_pet_vaccine_status(uuid,uuid) is 'Staff: a pet''s status per vaccine (latest dose, next due, up to date / due soon / overdue), through RLS.';
revoke all on function public.list_pet_vaccine_status(uuid,uuid) from public, anon, authenticated;
grant execute on function public.list_pet_vaccine_status(uuid,uuid) to authenticated;

-- Security definer: clients have no policy on vaccinations; this returns only their own pets' statuses
-- with the fields a client may see (no batch, no staff names).
create function private.list_my_pet_vaccinations(p_clinic_id uuid)
returns table (pet_id uuid, pet_name text, vaccine_name text, given_on date, next_due_on date, status text)
language sql stable security definer
set search_path = ''
as $$
  select l.pet_id, p.name, l.vaccine_name, l.given_on, l.next_due_on, l.status
  from private.latest_vaccinations(p_clinic_id) l
  join public.pets p on p.id = l.pet_id
  join public.clients c on c.id = p.client_id
  where c.user_id = (select private.current_user_id())
  order by p.name, l.next_due_on nulls last, l.vaccine_name
$$;
revoke all on function private.list_my_pet_vaccinations(uuid) from public, anon, authenticated;
grant execute on function private.list_my_pet_vaccinations(uuid) to authenticated;

create function public.list_my_pet_vaccinations(p_clinic_id uuid)
returns table (pet_id uuid, pet_name text, vaccine_name text, given_on date, next_due_on date, status text)
language sql stable
set search_path = ''
as $$ select * from private.list_my_pet_vaccinations(p_clinic_id) $$;
comment on function public.list_my_pet_vaccinations(uuid) is 'The signed-in client''s pets'' vaccination statuses in the clinic (client-shaped).';
revoke all on function public.list_my_pet_vaccinations(uuid) from public, anon, authenticated;
grant execute on function public.list_my_pet_vaccinations(uuid) to authenticated;

-- Written only by the reminder job (owner role); no user grants. offset_days is days before the due date,
-- negative for the overdue reminder (days after).
create table private.vaccine_reminders (
  vaccination_id uuid not null references public.vaccinations (id) on delete cascade,
  due_on date not null,
  offset_days integer not null,
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  channel text check (channel in ('email', 'sms')),
  dedupe_key text,
  skipped_reason text,
  created_at timestamptz not null default now(),
  constraint vaccine_reminders_once primary key (vaccination_id, due_on, offset_days)
);

create index vaccine_reminders_dedupe_idx on private.vaccine_reminders (dedupe_key) where dedupe_key is not null;

alter table private.vaccine_reminders enable row level security;

revoke all on table private.vaccine_reminders from public, anon, authenticated;

-- Due (vaccination, offset) pairs on each clinic's local day, for at most p_limit clients. A pair is due
-- when the days left until the due date fall in the offset's window (up to the next smaller offset, so a
-- vaccination recorded late gets only the nearest reminder), or, for the overdue reminder, in the 30 days
-- after the overdue day (an old lapse is not announced when reminders are first switched on).
create function private.due_vaccine_reminders(p_now timestamptz, p_limit integer)
returns table (
  vaccination_id uuid, due_on date, offset_days integer, clinic_id uuid, client_id uuid, local_day date,
  pet_id uuid, pet_name text, vaccine_name text
)
language sql stable
set search_path = ''
as $$
  with clinics as (
    select c.id as clinic_id, c.time_zone, (p_now at time zone c.time_zone)::date as today, rs.vaccine_offsets_days as offsets,
           rs.vaccine_overdue_days as overdue, coalesce((select max(o) from unnest(rs.vaccine_offsets_days) o), 0) as horizon
    from public.clinics c
    join public.clinic_reminder_settings rs on rs.clinic_id = c.id
    where rs.enabled
  ), latest as (
    select v.*, k.today, k.time_zone, k.offsets, k.overdue, k.horizon, v.next_due_on - k.today as days_left
    from public.vaccinations v
    join clinics k on k.clinic_id = v.clinic_id
    where v.next_due_on is not null
      and v.next_due_on between k.today - coalesce(k.overdue, 0) - 30 and k.today + k.horizon
      -- given again since: the later dose carries the reminders
      and not exists (select 1 from public.vaccinations w
                      where w.pet_id = v.pet_id and w.vaccine_id = v.vaccine_id and w.id <> v.id
                        and (w.given_on, w.created_at) > (v.given_on, v.created_at))
  ), due as (
    select l.id, l.next_due_on, o.offset_minutes as offset_days, l.clinic_id, l.pet_id, l.today, l.time_zone, l.horizon
    from latest l
    cross join lateral private.reminder_offsets(l.offsets) o
    where l.days_left <= o.offset_minutes
      and l.days_left >= case when o.window_start_minutes = 0 then 0 else o.window_start_minutes + 1 end
    union all
    select l.id, l.next_due_on, -l.overdue, l.clinic_id, l.pet_id, l.today, l.time_zone, l.horizon
    from latest l
    where l.overdue is not null and l.days_left <= -l.overdue and l.days_left >= -l.overdue - 30
  ), live as (
    select d.*, p.client_id, p.name as pet_name, x.name as vaccine_name
    from due d
    join public.pets p on p.id = d.pet_id and p.archived_at is null
    join public.vaccinations v on v.id = d.id
    join public.vaccines x on x.id = v.vaccine_id and x.active
    where not exists (select 1 from private.vaccine_reminders r
                      where r.vaccination_id = d.id and r.due_on = d.next_due_on and r.offset_days = d.offset_days)
      -- an appointment booked for the pet since the reminder window opened: the visit will see to it
      and not exists (select 1 from public.appointments a
                      where a.pet_id = d.pet_id and a.status in ('requested', 'confirmed', 'checked_in', 'in_progress')
                        and a.starts_at > p_now
                        and a.created_at >= ((d.next_due_on - d.horizon)::timestamp at time zone d.time_zone))
  ), picked as (
    select distinct l.client_id from (select * from live order by next_due_on, id limit p_limit) l
  )
  select l.id, l.next_due_on, l.offset_days, l.clinic_id, l.client_id, l.today, l.pet_id, l.pet_name, l.vaccine_name
  from live l join picked k on k.client_id = l.client_id
$$;
comment on function private.due_vaccine_reminders(timestamptz,integer) is 'Vaccinations whose reminder at some offset (or overdue) is due on the clinic''s day and not yet handled, for whole clients.';
revoke all on function private.due_vaccine_reminders(timestamptz,integer) from public, anon, authenticated;

-- One bounded batch: records each due (vaccination, due date, offset) once (the primary key makes a second
-- or concurrent run a no-op for it) and writes one outbox row per client per clinic-day with a booking link.
create function public.enqueue_due_vaccine_reminders(p_limit integer default 200)
returns table (messages integer, vaccinations integer, skipped integer, more boolean)
language sql volatile
set search_path = ''
as $$
  with due as (
    select * from private.due_vaccine_reminders(now(), least(greatest(coalesce(p_limit, 200), 1), 1000))
  ), groups as (
    select d.client_id, d.local_day,
           'vaccine-reminder:' || d.client_id || ':' || d.local_day || ':'
             || md5(string_agg(d.vaccination_id::text || '@' || d.due_on || '@' || d.offset_days, ',' order by d.vaccination_id, d.offset_days)) as dedupe_key,
           jsonb_agg(jsonb_build_object('vaccination_id', d.vaccination_id, 'pet_id', d.pet_id, 'pet_name', d.pet_name,
             'vaccine_name', d.vaccine_name, 'due_on', d.due_on, 'overdue', d.offset_days < 0) order by d.due_on, d.pet_name, d.vaccine_name) as items
    from due d
    group by d.client_id, d.local_day
  ), targets as (
    select g.*, cl.clinic_id, cl.user_id, cl.full_name, cl.email_reminders, ch.channel, ch.recipient, ch.skipped_reason,
           coalesce(cl.locale, u.locale, c.default_locale) as locale, coalesce(cl.email::text, u.email::text) as email,
           c.name as clinic_name, c.slug as clinic_slug, c.phone as clinic_phone
    from groups g
    join public.clients cl on cl.id = g.client_id
    join public.clinics c on c.id = cl.clinic_id
    left join public.users u on u.id = cl.user_id
    cross join lateral private.reminder_channel(cl, u.email::text) ch
  ), recorded as (
    insert into private.vaccine_reminders (vaccination_id, due_on, offset_days, clinic_id, client_id, channel, dedupe_key, skipped_reason)
    select d.vaccination_id, d.due_on, d.offset_days, d.clinic_id, d.client_id, t.channel,
           case when t.channel is not null then t.dedupe_key end, case when t.channel is null then t.skipped_reason end
    from due d join targets t on t.client_id = d.client_id and t.local_day = d.local_day
    on conflict do nothing
    returning vaccination_id, offset_days, dedupe_key
  ), sent as (
    insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key)
    select t.clinic_id, t.user_id, t.channel, t.recipient, 'vaccine.reminder', t.locale,
           jsonb_build_object(
             'clinic_name', t.clinic_name, 'clinic_slug', t.clinic_slug, 'clinic_phone', t.clinic_phone,
             'client_name', t.full_name, 'local_day', t.local_day,
             'path', '/' || t.clinic_slug || '/portal/book',
             'fallback_email', case when t.email_reminders then t.email end, 'email_fallback', t.email_reminders and t.email is not null,
             -- Only what this run recorded (a concurrent run may have taken some).
             'items', (select jsonb_agg(i) from jsonb_array_elements(t.items) i
                       where exists (select 1 from recorded r where r.dedupe_key = t.dedupe_key
                                       and r.vaccination_id = (i ->> 'vaccination_id')::uuid))),
           t.dedupe_key
    from targets t
    where t.channel is not null and exists (select 1 from recorded r where r.dedupe_key = t.dedupe_key)
    on conflict (dedupe_key) do nothing
    returning id
  )
  select (select count(*) from sent)::integer,
         (select count(*) from recorded where dedupe_key is not null)::integer,
         (select count(*) from recorded where dedupe_key is null)::integer,
         (select count(*) from due) >= least(greatest(coalesce(p_limit, 200), 1), 1000)
$$;
comment on function public.enqueue_due_vaccine_reminders(integer) is 'Reminder job step (system path only): queues due vaccine reminders for at most p_limit clients; safe to run concurrently and repeatedly.';
revoke all on function public.enqueue_due_vaccine_reminders(integer) from public, anon, authenticated;

-- Right before a vaccine reminder is sent: is every vaccination in it still the latest dose, still due on
-- the same date, and no appointment booked for its pet since? Otherwise the message is cancelled.
create function public.check_vaccine_reminder_still_due(p_message_id uuid)
returns text
language plpgsql volatile
set search_path = ''
as $$
declare
  v_message public.outbox_messages;
  v_total integer;
  v_stale integer;
begin
  select * into v_message from public.outbox_messages where id = p_message_id;
  if not found then return 'message not found'; end if;
  select count(*), count(*) filter (where v.id is null or v.next_due_on is distinct from (i ->> 'due_on')::date
           or exists (select 1 from public.vaccinations w where w.pet_id = v.pet_id and w.vaccine_id = v.vaccine_id
                        and w.id <> v.id and (w.given_on, w.created_at) > (v.given_on, v.created_at))
           or exists (select 1 from public.appointments a where a.pet_id = v.pet_id
                        and a.status in ('requested', 'confirmed', 'checked_in', 'in_progress')
                        and a.starts_at > now() and a.created_at > v_message.created_at))
    into v_total, v_stale
  from jsonb_array_elements(coalesce(v_message.payload -> 'items', '[]'::jsonb)) i
  left join public.vaccinations v on v.id = (i ->> 'vaccination_id')::uuid;
  if v_total > 0 and v_stale = 0 then return null; end if;
  -- The items still due are released, so the next run reminds them in a fresh message.
  delete from private.vaccine_reminders r
  using public.vaccinations v
  where r.dedupe_key = v_message.dedupe_key and v.id = r.vaccination_id and v.next_due_on = r.due_on
    and not exists (select 1 from public.vaccinations w where w.pet_id = v.pet_id and w.vaccine_id = v.vaccine_id
                      and w.id <> v.id and (w.given_on, w.created_at) > (v.given_on, v.created_at))
    and not exists (select 1 from public.appointments a where a.pet_id = v.pet_id
                      and a.status in ('requested', 'confirmed', 'checked_in', 'in_progress')
                      and a.starts_at > now() and a.created_at > v_message.created_at);
  return case when v_total = 0 then 'reminder has no vaccinations'
              else format('%s of %s vaccinations were given again, changed or booked', v_stale, v_total) end;
end
$$;
comment on function public.check_vaccine_reminder_still_due(uuid) is 'Delivery step (system path only): null when a queued vaccine reminder is still accurate, else why it must be cancelled.';
revoke all on function public.check_vaccine_reminder_still_due(uuid) from public, anon, authenticated;
