import { z } from "zod";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { createPet, createPetSchema } from "@/lib/pets/create-pet";
import { listPets } from "@/lib/pets/list-pets";

const anyone = ["owner", "admin", "vet", "receptionist", "client"] as const;
const listQuery = z.object({
  clientId: z.string().optional(),
  includeArchived: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
const createBody = createPetSchema.extend({ clientId: z.string().optional() });

// GET /api/clinics/[clinic]/pets - a client's own pets; staff see the clinic's (?clientId= for one client)
export const GET = apiHandler({ query: listQuery, allow: anyone }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  const clientId = access.role ? query.clientId : (access.clientId ?? undefined);
  return withUser(user, (db) => listPets(db, { ...query, clinicId, clientId }));
});

// POST /api/clinics/[clinic]/pets - add a pet: a client for themselves, staff for the client in `clientId`
export const POST = apiHandler({ body: createBody, allow: anyone, status: 201 }, async ({ user, access, body }) => {
  if (!access) throw notFound();
  const { clientId: requested, ...pet } = body;
  const scope = { clinicId: access.clinic.id, clientId: (access.role ? requested : access.clientId) ?? "" };
  return { pet: await withUser(user, (db) => createPet(db, scope, pet)) };
});
