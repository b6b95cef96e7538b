import { getClient } from "@/lib/clients/get-client";
import { updateClient, updateClientSchema } from "@/lib/clients/update-client";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/clients/[clientId] - staff read one client of the clinic
export const GET = apiHandler({ action: "clients.manage" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, clientId: params.clientId ?? "" };
  return { client: await withUser(user, (db) => getClient(db, scope)) };
});

// PATCH /api/clinics/[clinic]/clients/[clientId] - staff edit a client's details, email and preferences
export const PATCH = apiHandler(
  { body: updateClientSchema, action: "clients.manage" },
  async ({ user, access, params, body }) => {
    if (!access) throw notFound();
    const scope = { clinicId: access.clinic.id, clientId: params.clientId ?? "" };
    return { client: await withUser(user, (db) => updateClient(db, scope, body)) };
  },
);
