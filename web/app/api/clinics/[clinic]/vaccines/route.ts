import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { createVaccine, createVaccineSchema } from "@/lib/vaccinations/create-vaccine";
import { listVaccines } from "@/lib/vaccinations/list-vaccines";

// GET /api/clinics/[clinic]/vaccines - staff: the clinic's vaccine list
export const GET = apiHandler({ action: "vaccinations.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { items: await withUser(user, (db) => listVaccines(db, { clinicId })) };
});

// POST /api/clinics/[clinic]/vaccines - vets, owners and admins add a vaccine
export const POST = apiHandler(
  { body: createVaccineSchema, action: "vaccines.manage", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { vaccine: await withUser(user, (db) => createVaccine(db, clinicId, body)) };
  },
);
