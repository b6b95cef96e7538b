import { z } from "zod";
import { listServiceVets } from "@/lib/appointments/list-service-vets";
import { withUser } from "@/lib/db/context";
import { can } from "@/lib/clinics/permissions";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { createService, createServiceSchema } from "@/lib/schedules/create-service";
import { listServices } from "@/lib/schedules/list-services";

const listQuery = z.object({ includeInactive: z.enum(["true", "false"]).optional() });

// GET /api/clinics/[clinic]/services - services with who performs them (clients: bookable online only)
export const GET = apiHandler({ query: listQuery, action: "services.read" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  const includeInactive = can(access, "services.readAll") && query.includeInactive === "true";
  return withUser(user, async (db) => ({
    services: await listServices(db, clinicId, { includeInactive }),
    serviceVets: await listServiceVets(db, clinicId),
  }));
});

// POST /api/clinics/[clinic]/services - owners and admins add a service
export const POST = apiHandler(
  { body: createServiceSchema, action: "services.edit", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { service: await withUser(user, (db) => createService(db, clinicId, body)) };
  },
);
