-- Why: with search_path = '' a bare `=` between citext values resolves to text equality (citext's
-- operator lives in schema extensions), so matching a client record to a login by email was
-- case-sensitive. These replacements name the citext operator, as 021 did for invitations.

create or replace function private.register_as_client(p_clinic_slug text, p_full_name text, p_phone text)
returns public.clients
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user public.users;
  v_clinic_id uuid;
  v_client public.clients;
begin
  select * into v_user from public.users where id = private.require_user();
  select id into v_clinic_id from public.clinics where slug = lower(p_clinic_slug);
  if v_clinic_id is null then
    raise exception 'clinic_not_found' using errcode = 'VT404', detail = 'No clinic at that address.';
  end if;
  select * into v_client from public.clients where clinic_id = v_clinic_id and user_id = v_user.id;
  if found then return v_client; end if;
  if v_user.email_verified then
    update public.clients set user_id = v_user.id, full_name = coalesce(nullif(btrim(p_full_name), ''), full_name),
      phone = coalesce(p_phone, phone)
    where clinic_id = v_clinic_id and email operator(extensions.=) v_user.email and user_id is null
    returning * into v_client;
    if found then return v_client; end if;
  end if;
  insert into public.clients (clinic_id, user_id, full_name, email, phone, locale)
  values (v_clinic_id, v_user.id, coalesce(nullif(btrim(p_full_name), ''), v_user.name), v_user.email, p_phone, v_user.locale)
  on conflict (clinic_id, user_id) do update set full_name = public.clients.full_name
  returning * into v_client;
  return v_client;
end
$$;

create or replace function private.link_client_user(p_client_id uuid) returns public.clients
language plpgsql security definer
set search_path = ''
as $$
declare
  v_client public.clients;
  v_user_id uuid;
begin
  select * into v_client from public.clients where id = p_client_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'No such client.';
  end if;
  perform private.require_clinic_role(v_client.clinic_id);
  select id into v_user_id from public.users where email operator(extensions.=) v_client.email and email_verified;
  if v_user_id is null then
    raise exception 'no_matching_account' using errcode = 'VT409', column = 'email', detail = 'No verified account uses this email yet.';
  end if;
  update public.clients set user_id = v_user_id where id = p_client_id returning * into v_client;
  return v_client;
end
$$;
