import { linkClientUser } from "@/lib/clients/link-client-user";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/clients/[clientId]/link - staff link the record to the verified account with its email
export const POST = apiHandler({ action: "clients.manage" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, clientId: params.clientId ?? "" };
  return { client: await withUser(user, (db) => linkClientUser(db, scope)) };
});
