import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { createPrescription, createPrescriptionSchema } from "@/lib/prescriptions/create-prescription";
import { listPetPrescriptions } from "@/lib/prescriptions/list-pet-prescriptions";

// GET /api/clinics/[clinic]/pets/[petId]/prescriptions - staff: the pet's prescriptions with their ledger
export const GET = apiHandler({ action: "prescriptions.read" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
  return { items: await withUser(user, (db) => listPetPrescriptions(db, scope)) };
});

// POST /api/clinics/[clinic]/pets/[petId]/prescriptions - a vet prescribes for the pet
export const POST = apiHandler(
  { body: createPrescriptionSchema, action: "prescriptions.prescribe", status: 201 },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, petId: params.petId ?? "" };
    return { prescription: await withUser(user, (db) => createPrescription(db, scope, body)) };
  },
);
