-- Why: owners and admins invite staff by email with a role; accepting the emailed one-time link
-- creates the membership. The token is stored hashed; the acting user comes from the session.

create function private.invite_staff(p_clinic_id uuid, p_email text, p_role public.staff_role)
returns public.clinic_invitations
language plpgsql security definer
set search_path = ''
as $$
declare
  v_user_id uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  v_inviter_role public.staff_role;
  v_token text := private.new_token();
  v_clinic public.clinics;
  v_invitation public.clinic_invitations;
begin
  select role into v_inviter_role from public.clinic_memberships where clinic_id = p_clinic_id and user_id = v_user_id;
  if p_role = 'owner' and v_inviter_role <> 'owner' then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only an owner can invite another owner.';
  end if;
  if exists (
    select 1 from public.clinic_memberships m join public.users u on u.id = m.user_id
    where m.clinic_id = p_clinic_id and u.email = p_email::extensions.citext
  ) then
    raise exception 'already_member' using errcode = 'VT409', column = 'email', detail = 'This person is already on the team.';
  end if;
  select * into v_clinic from public.clinics where id = p_clinic_id;
  -- A new invitation replaces any pending one for the same address.
  update public.clinic_invitations set expires_at = now()
  where clinic_id = p_clinic_id and email = p_email::extensions.citext and accepted_at is null and expires_at > now();
  insert into public.clinic_invitations (clinic_id, email, role, token_hash, invited_by)
  values (p_clinic_id, p_email, p_role, private.hash_token(v_token), v_user_id)
  returning * into v_invitation;
  perform private.enqueue_message(
    p_clinic_id, null, 'email', p_email, 'staff_invitation', v_clinic.default_locale,
    jsonb_build_object('clinic_name', v_clinic.name, 'role', p_role, 'path', '/invitations/' || v_token),
    'staff_invitation:' || v_invitation.id
  );
  return v_invitation;
end
$$;
revoke all on function private.invite_staff(uuid, text, public.staff_role) from public;
grant execute on function private.invite_staff(uuid, text, public.staff_role) to authenticated;

create function public.invite_staff(p_clinic_id uuid, p_email text, p_role public.staff_role)
returns table (id uuid, clinic_id uuid, email text, role public.staff_role, expires_at timestamptz)
language sql
set search_path = ''
as $$
  select i.id, i.clinic_id, i.email::text, i.role, i.expires_at from private.invite_staff(p_clinic_id, p_email, p_role) i
$$;
comment on function public.invite_staff(uuid, text, public.staff_role) is 'Owner/admin invites a person by email with a role; the link is mailed through the outbox, never returned.';
revoke all on function public.invite_staff(uuid, text, public.staff_role) from public;
grant execute on function public.invite_staff(uuid, text, public.staff_role) to authenticated;

create function private.accept_invitation(p_token text)
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
  if v_email is distinct from v_invitation.email then
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
revoke all on function private.accept_invitation(text) from public;
grant execute on function private.accept_invitation(text) to authenticated;

create function public.accept_invitation(p_token text)
returns table (clinic_id uuid, role public.staff_role, clinic_slug text)
language sql
set search_path = ''
as $$
  select m.clinic_id, m.role, c.slug from private.accept_invitation(p_token) m join public.clinics c on c.id = m.clinic_id
$$;
comment on function public.accept_invitation(text) is 'The signed-in user accepts a staff invitation sent to their email address.';
revoke all on function public.accept_invitation(text) from public;
grant execute on function public.accept_invitation(text) to authenticated;

create function private.remove_staff(p_clinic_id uuid, p_user_id uuid) returns void
language plpgsql security definer
set search_path = ''
as $$
declare
  v_actor uuid := private.require_clinic_role(p_clinic_id, array['owner', 'admin']::public.staff_role[]);
  v_target_role public.staff_role;
begin
  -- Lock every owner row first so two concurrent removals cannot both pass the last-owner check.
  perform 1 from public.clinic_memberships where clinic_id = p_clinic_id and role = 'owner' for update;
  select role into v_target_role from public.clinic_memberships where clinic_id = p_clinic_id and user_id = p_user_id for update;
  if not found then
    raise exception 'not_found' using errcode = 'VT404', detail = 'That person is not on the team.';
  end if;
  if v_target_role = 'owner' and not private.has_clinic_role(p_clinic_id, array['owner']::public.staff_role[]) then
    raise exception 'forbidden' using errcode = 'VT403', detail = 'Only an owner can remove an owner.';
  end if;
  if v_target_role = 'owner' and (select count(*) from public.clinic_memberships where clinic_id = p_clinic_id and role = 'owner') = 1 then
    raise exception 'last_owner' using errcode = 'VT409', detail = 'A clinic needs at least one owner.';
  end if;
  delete from public.clinic_memberships where clinic_id = p_clinic_id and user_id = p_user_id;
  perform v_actor;
end
$$;
revoke all on function private.remove_staff(uuid, uuid) from public;
grant execute on function private.remove_staff(uuid, uuid) to authenticated;

create function public.remove_staff(p_clinic_id uuid, p_user_id uuid) returns void
language sql
set search_path = ''
as $$ select private.remove_staff(p_clinic_id, p_user_id) $$;
comment on function public.remove_staff(uuid, uuid) is 'Owner/admin removes a team member; the last owner cannot be removed.';
revoke all on function public.remove_staff(uuid, uuid) from public;
grant execute on function public.remove_staff(uuid, uuid) to authenticated;
