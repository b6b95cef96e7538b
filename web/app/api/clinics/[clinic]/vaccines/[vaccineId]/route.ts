import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { updateVaccine, updateVaccineSchema } from "@/lib/vaccinations/update-vaccine";

// PATCH /api/clinics/[clinic]/vaccines/[vaccineId] - vets, owners and admins edit a vaccine
export const PATCH = apiHandler(
  { body: updateVaccineSchema, action: "vaccines.manage" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, vaccineId: params.vaccineId ?? "" };
    return { vaccine: await withUser(user, (db) => updateVaccine(db, scope, body)) };
  },
);
