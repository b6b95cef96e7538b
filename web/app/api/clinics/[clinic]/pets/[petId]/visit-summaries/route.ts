import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { listSharedVisitSummaries } from "@/lib/visits/list-shared-visit-summaries";

// GET /api/clinics/[clinic]/pets/[petId]/visit-summaries - the visit summaries a vet shared (clients: own pets)
export const GET = apiHandler({ action: "visits.readShared" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return { items: await withUser(user, (db) => listSharedVisitSummaries(db, scope)) };
});
