// GET /api/clinics/[clinic] - the clinic's settings, for its staff
import { getClinicSettings } from "@/lib/clinics/get-clinic-settings";
import { updateClinicSettings, updateClinicSettingsInput } from "@/lib/clinics/update-clinic-settings";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

export const GET = apiHandler({ action: "clinic.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { clinic: await withUser(user, (db) => getClinicSettings(db, clinicId)), role: access.role };
});

// PATCH /api/clinics/[clinic] - owners and admins change the clinic profile
export const PATCH = apiHandler(
  { body: updateClinicSettingsInput, action: "clinic.editSettings" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { clinic: await withUser(user, (db) => updateClinicSettings(db, clinicId, body)) };
  },
);
