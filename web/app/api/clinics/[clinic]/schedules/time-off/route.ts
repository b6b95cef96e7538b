import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { addTimeOff, addTimeOffSchema } from "@/lib/schedules/add-time-off";

// POST /api/clinics/[clinic]/schedules/time-off - add time off for a vet (local dates/times in the clinic's zone)
export const POST = apiHandler(
  { body: addTimeOffSchema, action: "schedules.editOwn", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { timeOff: await withUser(user, (db) => addTimeOff(db, clinicId, body)) };
  },
);
