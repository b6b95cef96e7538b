import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { getClinicSchedule, getClinicScheduleSchema } from "@/lib/schedules/get-clinic-schedule";

// GET /api/clinics/[clinic]/schedules?vetId&from - weekly hours, upcoming overrides and time off of the team
export const GET = apiHandler(
  { query: getClinicScheduleSchema, action: "schedules.read" },
  async ({ user, access, query }) => {
    if (!access) throw notFound();
    const clinic = access.clinic;
    return { timeZone: clinic.timeZone, ...(await withUser(user, (db) => getClinicSchedule(db, clinic.id, query))) };
  },
);
