-- Why: with search_path = '' the bare `=` between two citext values does not find citext's operator
-- (it lives in schema extensions), so Postgres compares them as text, case-sensitively: inviting
-- "Vet@Clinic.test" missed the existing member "vet@clinic.test", and an invitation sent to a
-- differently-cased address could not be accepted. These replacements name the citext operator.

create or replace function private.invite_staff(p_clinic_id uuid, p_email text, p_role public.staff_role)
returns public.clinic_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  v_inviter_role public.staff_role;
  v_token text := private.new_token();
  v_email extensions.citext := btrim(p_email)::extensions.citext;
  v_clinic public.clinics;
  v_invitation public.clinic_invitations;
begin
  select role into v_inviter_role from public.clinic_memberships where clinic_id = p_clinic_id and user_id = v_user_id;
  if p_role = 'owner' and v_inviter_role <> 'owner' then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only an owner can invite another owner.';
  end if;
  if exists (
    select 1 from public.clinic_memberships m join public.users u on u.id = m.user_id
    where m.clinic_id = p_clinic_id and u.email operator(extensions.=) v_email
  ) then
    raise exception 'already_member' using errcode = 'VT409', column = 'email', detail = 'This person is already on the team.';
  end if;
  select * into v_clinic from public.clinics where id = p_clinic_id;
  -- A new invitation replaces any pending one for the same address.
  update public.clinic_invitations set expires_at = now()
  where clinic_id = p_clinic_id and email operator(extensions.=) v_email and accepted_at is null and expires_at > now();
  insert into public.clinic_invitations (clinic_id, email, role, token_hash, invited_by)
  values (p_clinic_id, v_email, p_role, private.hash_token(v_token), v_user_id)
  returning * into v_invitation;
  perform private.enqueue_message(
    p_clinic_id, null, 'email', v_email::text, 'staff_invitation', v_clinic.default_locale,
    jsonb_build_object('clinic_name', v_clinic.name, 'role', p_role, 'path', '/invitations/' || v_token),
    'staff_invitation:' || v_invitation.id
  );
  return v_invitation;
end
$$;
comment on function private.invite_staff(uuid, text, public.staff_role) is 'Security definer body of public.invite_staff (emails compared case-insensitively).';

create or replace function private.accept_invitation(p_token text)
returns public.clinic_memberships
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_user();
  v_email extensions.citext;
  v_invitation public.clinic_invitations;
  v_membership public.clinic_memberships;
begin
  select * into v_invitation from public.clinic_invitations where token_hash = private.hash_token(p_token) for update;
  if not found or v_invitation.expires_at <= now() then
    raise exception 'invitation_invalid' using errcode = 'VT404', detail = 'This invitation link is invalid or has expired.';
  end if;
  select email into v_email from public.users where id = v_user_id;
  if v_email is null or not (v_email operator(extensions.=) v_invitation.email) then
    raise exception 'invitation_wrong_account' using errcode = 'VT403', detail = 'This invitation was sent to another email address. Sign in with that address.';
  end if;
  if v_invitation.accepted_at is not null then
    select * into v_membership from public.clinic_memberships where clinic_id = v_invitation.clinic_id and user_id = v_user_id;
    if found then return v_membership; end if;
    raise exception 'invitation_invalid' using errcode = 'VT404', detail = 'This invitation was already used.';
  end if;
  insert into public.clinic_memberships (clinic_id, user_id, role)
  values (v_invitation.clinic_id, v_user_id, v_invitation.role)
  on conflict (clinic_id, user_id) do update set role = excluded.role
  returning * into v_membership;
  update public.clinic_invitations set accepted_at = now(), accepted_by = v_user_id where id = v_invitation.id;
  -- Opening the mailed link proves control of the address.
  update public.users set email_verified = true where id = v_user_id and not email_verified;
  return v_membership;
end
$$;
comment on function private.accept_invitation(text) is 'Security definer body of public.accept_invitation (emails compared case-insensitively).';
