-- Why: list_cron_runs returned every platform run, with its error text, to the owner of any clinic, and
-- anyone can create a clinic: a stranger could read how the platform's jobs fail. Runs are platform-level,
-- so the run log is now for platform operators only (PLATFORM_ADMIN_EMAILS, checked by the app, which
-- reads public.cron_runs on its system path); no user-callable function returns it any more. Owners keep
-- what concerns their clinic: list_delivery_failures (their failed messages) and, new here,
-- count_clinic_messages (their outbox by status over the last days).

drop function public.list_cron_runs(uuid, integer);
drop function private.list_cron_runs(uuid, integer);

-- Security definer: users cannot read other people's outbox rows (a client's reminder, say) or their status.
create function private.count_clinic_messages(p_clinic_id uuid, p_days integer)
returns table (pending bigint, sent bigint, failed bigint, cancelled bigint)
language plpgsql stable security definer
set search_path = ''
as $$
begin
  perform private.require_clinic_role(p_clinic_id, array['owner']::public.staff_role[]);
  return query
    select count(*) filter (where m.status in ('pending', 'sending')),
           count(*) filter (where m.status = 'sent'),
           count(*) filter (where m.status = 'failed'),
           count(*) filter (where m.status = 'cancelled')
      from public.outbox_messages m
     where m.clinic_id = p_clinic_id
       and m.created_at > now() - pg_catalog.make_interval(days => least(greatest(coalesce(p_days, 7), 1), 90));
end
$$;
comment on function private.count_clinic_messages(uuid, integer) is 'Security definer body of public.count_clinic_messages.';
revoke all on function private.count_clinic_messages(uuid, integer) from public;
grant execute on function private.count_clinic_messages(uuid, integer) to authenticated;

create function public.count_clinic_messages(p_clinic_id uuid, p_days integer default 7)
returns table (pending bigint, sent bigint, failed bigint, cancelled bigint)
language sql stable
set search_path = ''
as $$ select * from private.count_clinic_messages(p_clinic_id, p_days) $$;
comment on function public.count_clinic_messages(uuid, integer) is 'The clinic''s emails and SMS created in the last p_days days (1-90, default 7) by delivery status; owners only.';
revoke all on function public.count_clinic_messages(uuid, integer) from public;
grant execute on function public.count_clinic_messages(uuid, integer) to authenticated;
