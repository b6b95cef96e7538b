import { getClinicalNotesAccess } from "@/lib/clinics/get-clinical-notes-access";
import { clinicalNotesAccessSchema, updateClinicalNotesAccess } from "@/lib/clinics/update-clinical-notes-access";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/clinical-notes-access - whether receptionists may read SOAP notes
export const GET = apiHandler({ action: "clinic.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return withUser(user, (db) => getClinicalNotesAccess(db, clinicId));
});

// PUT /api/clinics/[clinic]/clinical-notes-access - owners and admins allow or refuse it
export const PUT = apiHandler(
  { body: clinicalNotesAccessSchema, action: "clinic.editSettings" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return withUser(user, (db) => updateClinicalNotesAccess(db, clinicId, body));
  },
);
