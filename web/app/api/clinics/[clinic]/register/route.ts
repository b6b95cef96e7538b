import { registerAsClient, registerAsClientSchema } from "@/lib/clients/register-as-client";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/register - the signed-in person becomes a client of the clinic (idempotent)
export const POST = apiHandler({ body: registerAsClientSchema }, async ({ user, access, body }) => {
  if (!access) throw notFound();
  const slug = access.clinic.slug;
  return { client: await withUser(user, (db) => registerAsClient(db, slug, { fullName: user.name, ...body })) };
});
