import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { listPetVaccinations } from "@/lib/vaccinations/list-pet-vaccinations";
import { recordVaccination, recordVaccinationSchema } from "@/lib/vaccinations/record-vaccination";

// GET /api/clinics/[clinic]/pets/[petId]/vaccinations - staff: the pet's status per vaccine and its history
export const GET = apiHandler({ action: "vaccinations.read" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return withUser(user, (db) => listPetVaccinations(db, scope));
});

// POST /api/clinics/[clinic]/pets/[petId]/vaccinations - record a vaccination given to the pet
export const POST = apiHandler(
  { body: recordVaccinationSchema, action: "vaccinations.record", status: 201 },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
    return { vaccination: await withUser(user, (db) => recordVaccination(db, scope, body)) };
  },
);
