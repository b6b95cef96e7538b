import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { getVaccineReminderSettings } from "@/lib/vaccinations/get-vaccine-reminder-settings";
import {
  updateVaccineReminderSettings,
  vaccineReminderSettingsSchema,
} from "@/lib/vaccinations/update-vaccine-reminder-settings";

// GET /api/clinics/[clinic]/vaccine-reminder-settings - staff: days before the due date, and the overdue reminder
export const GET = apiHandler({ action: "reminders.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { settings: await withUser(user, (db) => getVaccineReminderSettings(db, clinicId)) };
});

// PUT /api/clinics/[clinic]/vaccine-reminder-settings - owners and admins set the vaccine reminders
export const PUT = apiHandler(
  { body: vaccineReminderSettingsSchema, action: "reminders.edit" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { settings: await withUser(user, (db) => updateVaccineReminderSettings(db, clinicId, body)) };
  },
);
