import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { clearDateOverride, clearDateOverrideSchema } from "@/lib/schedules/clear-date-override";
import { setDateOverride, setDateOverrideSchema } from "@/lib/schedules/set-date-override";

// PUT /api/clinics/[clinic]/schedules/overrides - set one vet's hours (or closed) for one date
export const PUT = apiHandler(
  { body: setDateOverrideSchema, action: "schedules.editOwn" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return withUser(user, (db) => setDateOverride(db, clinicId, body));
  },
);

// DELETE /api/clinics/[clinic]/schedules/overrides - remove a date override ({vetId, date}); weekly hours apply again
export const DELETE = apiHandler(
  { body: clearDateOverrideSchema, action: "schedules.editOwn" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return withUser(user, (db) => clearDateOverride(db, clinicId, body));
  },
);
