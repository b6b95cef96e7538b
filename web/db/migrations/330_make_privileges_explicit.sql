-- Why: on Supabase, default privileges grant ALL on every new table, sequence and function in schema public to
-- anon, authenticated and service_role (for the roles postgres and supabase_admin). Migrations 001-320 granted
-- what they meant but did not always revoke the rest first, so on a Supabase database anon could, among other
-- things, select and update accounts.access_token (row-level security was the only guard), write columns the
-- app grants only column by column, use cron_runs_id_seq, and execute every function in public, the jobs'
-- enqueue_due_reminders and check_reminder_still_due included. Measured by
-- web/tests/integration/privilege-matrix.test.ts before this file: 1,792 effective (object, role, privilege)
-- entries for anon/authenticated that plain PostgreSQL does not have (1,433 column, 328 table, 25 function,
-- 6 sequence; every column counted), none missing; service_role held 1,076.
--
-- Design, so that the effective grants are the same on plain PostgreSQL and on Supabase:
-- 1. Future objects: the migrating role's default privileges in schemas public and private grant nothing to
--    PUBLIC, anon, authenticated or service_role. Objects created by later migrations (as that role) get no
--    implicit grant; each migration still revokes and grants explicitly (a database migrated by another role
--    keeps Supabase's defaults for that role), and the privilege-matrix test fails on anything left to defaults.
-- 2. Existing objects: revoke everything from PUBLIC, anon, authenticated on every table, view, sequence and
--    routine in public and private, then grant exactly what plain PostgreSQL held after 320 (generated from its
--    catalog; on plain PostgreSQL this file changes no effective privilege, which the same test checks).
-- service_role (Supabase only, guarded by pg_roles): it bypasses row-level security and is what the
-- service-role key opens through Supabase's Data API. The app never connects as it (the key is kept for
-- Storage only), so it gets nothing on the app's objects: a leaked key must not read the clinics' data.

alter default privileges in schema public revoke all on tables from public, anon, authenticated;
alter default privileges in schema public revoke all on sequences from public, anon, authenticated;
alter default privileges in schema public revoke all on functions from public, anon, authenticated;
alter default privileges in schema private revoke all on tables from public, anon, authenticated;
alter default privileges in schema private revoke all on sequences from public, anon, authenticated;
alter default privileges in schema private revoke all on functions from public, anon, authenticated;

revoke all on all tables in schema public, private from public, anon, authenticated;
revoke all on all sequences in schema public, private from public, anon, authenticated;
revoke all on all routines in schema public, private from public, anon, authenticated;

do $$
declare
  v_kind text;
  v_schema text;
begin
  if exists (select 1 from pg_catalog.pg_roles where rolname = 'service_role') then
    foreach v_schema in array array['public', 'private'] loop
      foreach v_kind in array array['tables', 'sequences', 'functions'] loop
        execute format('alter default privileges in schema %I revoke all on %s from service_role', v_schema, v_kind);
      end loop;
      execute format('revoke all on all tables in schema %I from service_role', v_schema);
      execute format('revoke all on all sequences in schema %I from service_role', v_schema);
      execute format('revoke all on all routines in schema %I from service_role', v_schema);
    end loop;
  end if;
end
$$;

-- What 001-320 meant, object by object (table-level, then column-level, then functions).
grant select on table public.booking_requests to authenticated;
grant select on table public.client_account_links to authenticated;
grant select on table public.clients to authenticated;
grant select on table public.clinic_booking_rules to anon, authenticated;
grant select on table public.clinic_memberships to authenticated;
grant select on table public.clinic_reminder_settings to authenticated;
grant select on table public.clinics to anon, authenticated;
grant select on table public.pets to authenticated;
grant delete, select on table public.service_vets to authenticated;
grant select on table public.service_vets to anon;
grant delete, select on table public.services to authenticated;
grant select on table public.services to anon;
grant select on table public.users to authenticated;
grant delete, select on table public.vet_date_overrides to authenticated;
grant delete, select on table public.vet_time_off to authenticated;
grant delete, select on table public.vet_weekly_hours to authenticated;

grant select (id, clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, buffer_before_minutes, buffer_after_minutes, blocked, status, sequence, cancel_reason, cancelled_at, cancelled_by, created_by, created_at, updated_at) on table public.appointments to authenticated;
grant update (notes) on table public.appointments to authenticated;
grant insert (clinic_id, full_name, email, phone, locale, preferred_channel, email_reminders, sms_reminders, marketing_opt_in, address) on table public.clients to authenticated;
grant update (full_name, email, phone, locale, preferred_channel, email_reminders, sms_reminders, marketing_opt_in, address) on table public.clients to authenticated;
grant insert (clinic_id, min_notice_minutes, max_days_ahead, slot_granularity_minutes, client_change_window_hours, require_confirmation, max_open_appointments_per_pet) on table public.clinic_booking_rules to authenticated;
grant update (min_notice_minutes, max_days_ahead, slot_granularity_minutes, client_change_window_hours, require_confirmation, max_open_appointments_per_pet) on table public.clinic_booking_rules to authenticated;
grant select (id, clinic_id, email, role, invited_by, expires_at, accepted_at, accepted_by, created_at) on table public.clinic_invitations to authenticated;
grant insert (clinic_id, enabled, offsets_minutes) on table public.clinic_reminder_settings to authenticated;
grant update (enabled, offsets_minutes) on table public.clinic_reminder_settings to authenticated;
grant update (name, time_zone, currency, default_locale, email, phone, address) on table public.clinics to authenticated;
grant select (id, clinic_id, user_id, channel, recipient, template, locale, payload, status, created_at, sent_at, failed_at) on table public.outbox_messages to authenticated;
grant insert (clinic_id, client_id, name, species, breed, sex, birth_date, weight_grams, microchip, notes) on table public.pets to authenticated;
grant update (name, species, breed, sex, birth_date, weight_grams, microchip, notes, archived_at) on table public.pets to authenticated;
grant insert (clinic_id, service_id, vet_id) on table public.service_vets to authenticated;
grant insert (clinic_id, name, duration_minutes, price_cents, buffer_before_minutes, buffer_after_minutes, bookable_online, instructions, active) on table public.services to authenticated;
grant update (name, duration_minutes, price_cents, buffer_before_minutes, buffer_after_minutes, bookable_online, instructions, active) on table public.services to authenticated;
grant insert (clinic_id, vet_id, on_date, kind, start_time, end_time, note) on table public.vet_date_overrides to authenticated;
grant update (on_date, kind, start_time, end_time, note) on table public.vet_date_overrides to authenticated;
grant insert (clinic_id, vet_id, period, reason) on table public.vet_time_off to authenticated;
grant update (period, reason) on table public.vet_time_off to authenticated;
grant insert (clinic_id, vet_id, weekday, start_time, end_time) on table public.vet_weekly_hours to authenticated;
grant update (weekday, start_time, end_time) on table public.vet_weekly_hours to authenticated;

grant execute on function private.accept_invitation(text) to authenticated;
grant execute on function private.appointment_calendar_file(uuid, uuid) to authenticated;
grant execute on function private.appointment_for_caller(public.appointments) to authenticated;
grant execute on function private.book_appointment(uuid, uuid, uuid, timestamp with time zone, uuid, uuid, text) to authenticated;
grant execute on function private.cancel_appointment(uuid, text) to authenticated;
grant execute on function private.convert_booking_request(uuid, uuid, timestamp with time zone) to authenticated;
grant execute on function private.count_clinic_messages(uuid, integer) to authenticated;
grant execute on function private.create_clinic(text, text, text, text, text, text, text, text) to authenticated;
grant execute on function private.current_user_id() to anon, authenticated;
grant execute on function private.decline_booking_request(uuid, text) to authenticated;
grant execute on function private.dismiss_failed_message(uuid) to authenticated;
grant execute on function private.has_clinic_role(uuid, public.staff_role[]) to anon, authenticated;
grant execute on function private.invite_staff(uuid, text, public.staff_role) to authenticated;
grant execute on function private.is_allowed_appointment_transition(public.appointment_status, public.appointment_status) to authenticated;
grant execute on function private.is_own_client(uuid) to authenticated;
grant execute on function private.is_reserved_slug(text) to authenticated;
grant execute on function private.is_valid_time_zone(text) to anon, authenticated;
grant execute on function private.link_client_user(uuid) to authenticated;
grant execute on function private.list_appointments(uuid, timestamp with time zone, timestamp with time zone, uuid) to authenticated;
grant execute on function private.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) to anon, authenticated;
grant execute on function private.list_delivery_failures(uuid, integer) to authenticated;
grant execute on function private.list_my_failed_messages(integer) to authenticated;
grant execute on function private.list_service_vets(uuid) to anon, authenticated;
grant execute on function private.list_staff(uuid) to authenticated;
grant execute on function private.list_vet_hours(uuid, date) to authenticated;
grant execute on function private.register_as_client(text, text, text) to authenticated;
grant execute on function private.remove_staff(uuid, uuid) to authenticated;
grant execute on function private.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) to authenticated;
grant execute on function private.require_clinic_role(uuid, public.staff_role[]) to authenticated;
grant execute on function private.require_user() to authenticated;
grant execute on function private.reschedule_appointment(uuid, timestamp with time zone, uuid) to authenticated;
grant execute on function private.set_appointment_status(uuid, public.appointment_status) to authenticated;
grant execute on function public.accept_invitation(text) to authenticated;
grant execute on function public.appointment_calendar_file(uuid, uuid) to authenticated;
grant execute on function public.book_appointment(uuid, uuid, uuid, timestamp with time zone, uuid, uuid, text) to authenticated;
grant execute on function public.cancel_appointment(uuid, text) to authenticated;
grant execute on function public.convert_booking_request(uuid, timestamp with time zone, uuid) to authenticated;
grant execute on function public.count_clinic_messages(uuid, integer) to authenticated;
grant execute on function public.create_clinic(text, text, text, text, text, text, text, text) to authenticated;
grant execute on function public.decline_booking_request(uuid, text) to authenticated;
grant execute on function public.dismiss_failed_message(uuid) to authenticated;
grant execute on function public.invite_staff(uuid, text, public.staff_role) to authenticated;
grant execute on function public.link_client_user(uuid) to authenticated;
grant execute on function public.list_appointments(uuid, timestamp with time zone, timestamp with time zone, uuid) to authenticated;
grant execute on function public.list_available_slots(uuid, uuid, date, date, uuid, uuid, uuid) to anon, authenticated;
grant execute on function public.list_delivery_failures(uuid, integer) to authenticated;
grant execute on function public.list_my_failed_messages(integer) to authenticated;
grant execute on function public.list_service_vets(uuid) to anon, authenticated;
grant execute on function public.list_staff(uuid) to authenticated;
grant execute on function public.list_vet_hours(uuid, date) to authenticated;
grant execute on function public.register_as_client(text, text, text) to authenticated;
grant execute on function public.remove_staff(uuid, uuid) to authenticated;
grant execute on function public.request_booking(uuid, uuid, uuid, date[], public.booking_time_of_day, text, uuid) to authenticated;
grant execute on function public.reschedule_appointment(uuid, timestamp with time zone, uuid) to authenticated;
grant execute on function public.set_appointment_status(uuid, public.appointment_status) to authenticated;
