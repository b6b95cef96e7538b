import { z } from "zod";
import { withUser } from "@/lib/db/context";
import { actingClientId } from "@/lib/clinics/permissions";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { createPet, createPetSchema } from "@/lib/pets/create-pet";
import { listPets } from "@/lib/pets/list-pets";

const listQuery = z.object({
  clientId: z.string().optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const createBody = createPetSchema.extend({ clientId: z.string().optional() });

// GET /api/clinics/[clinic]/pets - a client's own pets; staff see the clinic's (?clientId= for one client)
export const GET = apiHandler({ query: listQuery, action: "pets.use" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  const clientId = actingClientId(access, query.clientId, "pets.actForAnyClient") ?? undefined;
  return withUser(user, (db) => listPets(db, { ...query, clinicId, clientId }));
});

// POST /api/clinics/[clinic]/pets - add a pet: a client for themselves, staff for the client in `clientId`
export const POST = apiHandler(
  { body: createBody, action: "pets.use", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const { clientId: requested, ...pet } = body;
    const scope = {
      clinicId: access.clinic.id,
      clientId: actingClientId(access, requested, "pets.actForAnyClient") ?? "",
    };
    return { pet: await withUser(user, (db) => createPet(db, scope, pet)) };
  },
);
