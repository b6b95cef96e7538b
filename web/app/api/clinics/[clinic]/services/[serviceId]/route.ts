import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { updateService, updateServiceSchema } from "@/lib/schedules/update-service";

// PATCH /api/clinics/[clinic]/services/[serviceId] - owners and admins edit a service and who performs it
export const PATCH = apiHandler(
  { body: updateServiceSchema, action: "services.edit" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { service: await withUser(user, (db) => updateService(db, clinicId, params.serviceId ?? "", body)) };
  },
);
