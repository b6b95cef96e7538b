import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { getVisit } from "@/lib/visits/get-visit";
import { updateVisit, updateVisitSchema } from "@/lib/visits/update-visit";

// GET /api/clinics/[clinic]/visits/[visitId] - one visit for staff (notes only for those who may read them)
export const GET = apiHandler({ action: "visits.read" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
  return withUser(user, (db) => getVisit(db, scope));
});

// PATCH /api/clinics/[clinic]/visits/[visitId] - a clinician edits an open visit (notes, vitals, weight, sharing)
export const PATCH = apiHandler(
  { body: updateVisitSchema, action: "visits.write" },
  async ({ user, access, params, body }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
    return withUser(user, async (db) => {
      await updateVisit(db, scope, body);
      return getVisit(db, scope);
    });
  },
);
