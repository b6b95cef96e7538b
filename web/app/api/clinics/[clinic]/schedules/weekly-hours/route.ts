import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { setWeeklyHours, setWeeklyHoursSchema } from "@/lib/schedules/set-weekly-hours";

// PUT /api/clinics/[clinic]/schedules/weekly-hours - replace one vet's weekly hours (owner/admin/receptionist, or the
// vet)
export const PUT = apiHandler(
  { body: setWeeklyHoursSchema, action: "schedules.editOwn" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return withUser(user, (db) => setWeeklyHours(db, clinicId, body));
  },
);
