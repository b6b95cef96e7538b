import { z } from "zod";
import { createClient, createClientSchema } from "@/lib/clients/create-client";
import { listClients } from "@/lib/clients/list-clients";
import { withUser } from "@/lib/db/context";
import { spendClientEmail } from "@/lib/rate-limits/abuse-limits";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const listQuery = z.object({
  q: z.string().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

// GET /api/clinics/[clinic]/clients - staff search the clinic's clients (?q=&limit=&offset=; returns total)
export const GET = apiHandler({ query: listQuery, action: "clients.manage" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return withUser(user, (db) => listClients(db, { clinicId, ...query }));
});

// POST /api/clinics/[clinic]/clients - staff add a client, with or without an email/login
export const POST = apiHandler(
  { body: createClientSchema, action: "clients.manage", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    if (body.email) await spendClientEmail(clinicId);
    return { client: await withUser(user, (db) => createClient(db, { clinicId }, body)) };
  },
);
