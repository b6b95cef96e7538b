-- Why: a pet owner on a phone wants "add to my calendar" from the appointments page, not only from the
-- booking email (which may be long gone, or was sent before a reschedule). This returns the same iCalendar
-- event the emails carry (UID = appointment id, current SEQUENCE, so importing it again updates the event)
-- for one appointment the caller may see: its own client, or staff of its clinic. METHOD:PUBLISH (a file to
-- import, not an invitation to answer); a cancelled or missed appointment comes as METHOD:CANCEL.

create function private.appointment_calendar_file(p_clinic_id uuid, p_appointment_id uuid) returns text
language plpgsql stable security definer
set search_path = ''
as $$
declare
  v_appointment public.appointments;
begin
  perform private.require_user();
  select * into v_appointment from public.appointments a where a.id = p_appointment_id and a.clinic_id = p_clinic_id;
  if not found or not (private.has_clinic_role(v_appointment.clinic_id) or private.is_own_client(v_appointment.client_id)) then
    raise exception 'appointment_not_found' using errcode = 'VT404', column = 'appointment_id', detail = 'That appointment was not found.';
  end if;
  return private.appointment_ics(v_appointment.id,
    case when v_appointment.status in ('cancelled', 'no_show') then 'CANCEL' else 'PUBLISH' end);
end
$$;
comment on function private.appointment_calendar_file(uuid, uuid) is 'Security definer body of public.appointment_calendar_file.';
revoke all on function private.appointment_calendar_file(uuid, uuid) from public;
grant execute on function private.appointment_calendar_file(uuid, uuid) to authenticated;

create function public.appointment_calendar_file(p_clinic_id uuid, p_appointment_id uuid) returns text
language sql stable
set search_path = ''
as $$ select private.appointment_calendar_file(p_clinic_id, p_appointment_id) $$;
comment on function public.appointment_calendar_file(uuid, uuid) is 'The appointment as an .ics file (METHOD:PUBLISH, or CANCEL when cancelled or missed) for its own client or staff of its clinic; raises appointment_not_found (404) otherwise.';
revoke all on function public.appointment_calendar_file(uuid, uuid) from public;
grant execute on function public.appointment_calendar_file(uuid, uuid) to authenticated;
