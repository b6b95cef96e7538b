// GET /api/clinics/[clinic]/staff - the clinic's team, for its staff
import { listStaff } from "@/lib/clinics/list-staff";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

export const GET = apiHandler({ action: "team.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { staff: await withUser(user, (db) => listStaff(db, clinicId)) };
});
