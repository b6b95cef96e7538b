import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { addVisitAddendum, addVisitAddendumSchema } from "@/lib/visits/add-visit-addendum";

// POST /api/clinics/[clinic]/visits/[visitId]/addenda - a clinician appends a correction to a finalized visit
export const POST = apiHandler(
  { body: addVisitAddendumSchema, action: "visits.write", status: 201 },
  async ({ user, access, params, body }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
    return { addendum: await withUser(user, (db) => addVisitAddendum(db, scope, body)) };
  },
);
