import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { deleteTimeOff } from "@/lib/schedules/delete-time-off";

// DELETE /api/clinics/[clinic]/schedules/time-off/[timeOffId] - remove a time-off entry
export const DELETE = apiHandler({ action: "schedules.editOwn" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return withUser(user, (db) => deleteTimeOff(db, clinicId, params.timeOffId ?? ""));
});
