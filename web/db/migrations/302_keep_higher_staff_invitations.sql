-- Why: a new invitation voided any pending one for the same address, whatever the roles: an admin could
-- cancel an owner's pending owner invitation by inviting the same address as a receptionist. A lower
-- role now never replaces a higher pending invitation (invite_staff raises higher_invitation_pending, 409);
-- the same or a higher role still replaces it (a resend, or a promotion before acceptance). Vets and
-- receptionists rank the same: neither role has rights over the other. The rest of invite_staff is as in 010_clinics.

create function private.staff_role_rank(p_role public.staff_role) returns integer
language sql immutable
set search_path = ''
as $$
  select case p_role when 'owner' then 3 when 'admin' then 2 else 1 end
$$;
comment on function private.staff_role_rank(public.staff_role) is 'Seniority of a staff role for comparisons: owner 3, admin 2, vet and receptionist 1.';
revoke all on function private.staff_role_rank(public.staff_role) from public;

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
  v_pending_role public.staff_role;
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
  -- Pending invitations for the address, locked so two concurrent invitations see each other's outcome.
  select i.role into v_pending_role from public.clinic_invitations i
  where i.clinic_id = p_clinic_id and i.email operator(extensions.=) v_email and i.accepted_at is null and i.expires_at > now()
  order by private.staff_role_rank(i.role) desc
  limit 1
  for update;
  if found and private.staff_role_rank(v_pending_role) > private.staff_role_rank(p_role) then
    raise exception 'higher_invitation_pending' using errcode = 'VT409', column = 'role',
      detail = pg_catalog.format('This address already has a pending invitation as %s; it stays until it is accepted or expires.', v_pending_role);
  end if;
  -- A new invitation replaces any pending one for the same address (same or lower role).
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
comment on function private.invite_staff(uuid, text, public.staff_role) is 'Security definer body of public.invite_staff: emails compared case-insensitively; a lower role never replaces a higher pending invitation (higher_invitation_pending, 409).';
revoke all on function private.invite_staff(uuid, text, public.staff_role) from public;
grant execute on function private.invite_staff(uuid, text, public.staff_role) to authenticated;
