import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { archivePet } from "@/lib/pets/archive-pet";
import { getPet } from "@/lib/pets/get-pet";
import { updatePet, updatePetSchema } from "@/lib/pets/update-pet";

// GET /api/clinics/[clinic]/pets/[petId] - one pet, for its owner or the clinic's staff
export const GET = apiHandler({ action: "pets.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return { pet: await withUser(user, (db) => getPet(db, scope)) };
});

// PATCH /api/clinics/[clinic]/pets/[petId] - edit a pet's details (owner and clinic cannot change)
export const PATCH = apiHandler(
  { body: updatePetSchema, action: "pets.use" },
  async ({ user, access, params, body }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
    return { pet: await withUser(user, (db) => updatePet(db, scope, body)) };
  },
);

// DELETE /api/clinics/[clinic]/pets/[petId] - archive the pet (its history is kept)
export const DELETE = apiHandler({ action: "pets.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return { pet: await withUser(user, (db) => archivePet(db, scope)) };
});
