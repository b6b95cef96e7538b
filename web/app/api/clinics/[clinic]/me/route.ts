import { getMyClientProfile } from "@/lib/clients/get-my-client-profile";
import { updateMyClientProfile, updateMyClientProfileSchema } from "@/lib/clients/update-my-client-profile";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/me - the signed-in client's own record, preferences and consents
export const GET = apiHandler({ action: "profile.useOwn" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { client: await withUser(user, (db) => getMyClientProfile(db, { clinicId })) };
});

// PATCH /api/clinics/[clinic]/me - the client edits their contact details, preferences and consents
export const PATCH = apiHandler(
  { body: updateMyClientProfileSchema, action: "profile.useOwn" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { client: await withUser(user, (db) => updateMyClientProfile(db, { clinicId }, body)) };
  },
);
