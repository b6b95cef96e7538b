import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { addVisitCharge, addVisitChargeSchema } from "@/lib/visits/add-visit-charge";

// POST /api/clinics/[clinic]/visits/[visitId]/charges - add a service, product or free-text charge to an open visit
export const POST = apiHandler(
  { body: addVisitChargeSchema, action: "visits.write", status: 201 },
  async ({ user, access, params, body }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
    return { charge: await withUser(user, (db) => addVisitCharge(db, scope, body)) };
  },
);
