import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { finalizeVisit } from "@/lib/visits/finalize-visit";

// POST /api/clinics/[clinic]/visits/[visitId]/finalize - a clinician signs the visit; it is frozen from then on
export const POST = apiHandler({ action: "visits.write" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
  return { visit: await withUser(user, (db) => finalizeVisit(db, scope)) };
});
