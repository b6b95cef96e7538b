import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { openVisit, openVisitSchema } from "@/lib/visits/open-visit";

// POST /api/clinics/[clinic]/visits - open a visit: check in an appointment (again: the same visit) or a walk-in
export const POST = apiHandler({ body: openVisitSchema, action: "visits.open" }, async ({ user, access, body }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { visit: await withUser(user, (db) => openVisit(db, clinicId, body)) };
});
