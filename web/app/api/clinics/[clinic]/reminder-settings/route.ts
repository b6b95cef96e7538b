import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { getReminderSettings } from "@/lib/notifications/get-reminder-settings";
import { reminderSettingsSchema } from "@/lib/notifications/reminder-settings";
import { updateReminderSettings } from "@/lib/notifications/update-reminder-settings";

// GET /api/clinics/[clinic]/reminder-settings - whether and when appointment reminders go out (staff)
export const GET = apiHandler({ action: "reminders.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { settings: await withUser(user, (db) => getReminderSettings(db, clinicId)) };
});

// PUT /api/clinics/[clinic]/reminder-settings - owners and admins turn reminders on or off and pick the times
export const PUT = apiHandler(
  { body: reminderSettingsSchema, action: "reminders.edit" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { settings: await withUser(user, (db) => updateReminderSettings(db, clinicId, body)) };
  },
);
