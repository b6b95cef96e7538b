import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { listPetVisits, listPetVisitsSchema } from "@/lib/visits/list-pet-visits";

// GET /api/clinics/[clinic]/pets/[petId]/visits - a pet's visits for the staff chart (keyset pages)
export const GET = apiHandler(
  { query: listPetVisitsSchema, action: "visits.read" },
  async ({ user, access, params, query }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
    return withUser(user, (db) => listPetVisits(db, scope, query));
  },
);
