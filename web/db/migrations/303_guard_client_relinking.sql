-- Why: any staff member, a receptionist included, could change a linked client's email to an address they
-- control and call link_client_user again: the record (pets, visits, the right to cancel them) moved to
-- the other account and the real client lost access without being told. Now linking a record that already
-- belongs to an account is refused (client_already_linked, 403) unless the caller is an owner or admin;
-- every link is written to client_account_links (who moved which record from which account to which),
-- and when a record leaves an account, that account's address gets a notice through the outbox. Relinking
-- to the account the record already has is a no-op. The rest of link_client_user is as in 020_clients_and_pets.

create table public.client_account_links (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references public.clinics (id) on delete cascade,
  client_id uuid not null,
  previous_user_id uuid references public.users (id) on delete set null,
  new_user_id uuid references public.users (id) on delete set null,
  linked_by uuid references public.users (id) on delete set null,
  linked_at timestamptz not null default now(),
  foreign key (clinic_id, client_id) references public.clients (clinic_id, id) on delete cascade
);
create index client_account_links_client_idx on public.client_account_links (client_id, linked_at desc);
create index client_account_links_clinic_idx on public.client_account_links (clinic_id, linked_at desc);
alter table public.client_account_links enable row level security;
grant select on public.client_account_links to authenticated;
create policy "owners and admins can read their clinic's client account links" on public.client_account_links
  for select to authenticated using (private.has_clinic_role(clinic_id, array['owner', 'admin']::public.staff_role[]));

create or replace function private.link_client_user(p_client_id uuid) returns public.clients
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor uuid;
  v_client public.clients;
  v_user_id uuid;
  v_previous public.users;
  v_link_id uuid;
begin
  select * into v_client from public.clients where id = p_client_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such client.';
  end if;
  v_actor := private.require_clinic_role(v_client.clinic_id);
  select id into v_user_id from public.users where email operator(extensions.=) v_client.email and email_verified;
  if v_user_id is null then
    raise exception 'no_matching_account' using errcode = 'VT409', column = 'email', detail = 'No verified account uses this email yet.';
  end if;
  if v_client.user_id = v_user_id then
    return v_client;
  end if;
  if v_client.user_id is not null and not private.has_clinic_role(v_client.clinic_id, array['owner', 'admin']::public.staff_role[]) then
    raise exception 'client_already_linked' using errcode = 'VT403',
      detail = 'This client record already belongs to an account. Only an owner or admin can move it to another one.';
  end if;
  select * into v_previous from public.users where id = v_client.user_id;
  update public.clients set user_id = v_user_id where id = p_client_id returning * into v_client;
  insert into public.client_account_links (clinic_id, client_id, previous_user_id, new_user_id, linked_by)
  values (v_client.clinic_id, v_client.id, v_previous.id, v_user_id, v_actor)
  returning id into v_link_id;
  if v_previous.id is not null then
    perform private.enqueue_message(c.id, v_previous.id, 'email', v_previous.email::text, 'client.account_relinked',
      coalesce(v_previous.locale, c.default_locale),
      jsonb_build_object('clinic_name', c.name, 'clinic_slug', c.slug, 'clinic_email', c.email, 'clinic_phone', c.phone,
        'client_name', v_client.full_name, 'path', '/' || c.slug),
      'client.account_relinked:' || v_link_id)
    from public.clinics c where c.id = v_client.clinic_id;
  end if;
  return v_client;
end
$$;
comment on function private.link_client_user(uuid) is 'Security definer body of public.link_client_user: links to the verified account with the record''s email; moving a record that already has an account needs an owner or admin, is logged in client_account_links and notified to the previous account.';
revoke all on function private.link_client_user(uuid) from public;
grant execute on function private.link_client_user(uuid) to authenticated;

comment on function public.link_client_user(uuid) is 'Staff link a client record to the verified account with the same email. A record that already has an account moves only for owners and admins (client_already_linked, 403, otherwise), with an audit row and a notice to the previous account.';
