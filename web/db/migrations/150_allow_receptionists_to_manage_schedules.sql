-- Why: at the front desk it is the receptionist who hears "Dr. Vet is off on Friday" and who moves a
-- session when a vet works late. Migration 100 lets owners/admins edit every vet's schedule and a vet edit
-- their own; these policies add receptionists for weekly hours, date overrides and time off. Services and
-- booking rules stay with owners and admins (they change prices and what clients may do).

create policy "receptionists can add weekly hours" on public.vet_weekly_hours
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can edit weekly hours" on public.vet_weekly_hours
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can delete weekly hours" on public.vet_weekly_hours
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can add date overrides" on public.vet_date_overrides
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can edit date overrides" on public.vet_date_overrides
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can delete date overrides" on public.vet_date_overrides
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));

create policy "receptionists can add time off" on public.vet_time_off
  for insert to authenticated with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can edit time off" on public.vet_time_off
  for update to authenticated
  using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]))
  with check (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
create policy "receptionists can delete time off" on public.vet_time_off
  for delete to authenticated using (private.has_clinic_role(clinic_id, array['receptionist']::public.staff_role[]));
