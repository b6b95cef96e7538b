// DELETE /api/clinics/[clinic]/staff/[userId] - owners and admins remove a team member
import { removeStaff, removeStaffInput } from "@/lib/clinics/remove-staff";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { parseWith } from "@/lib/validation/parse";
import { notFound } from "@/lib/http/respond";

export const DELETE = apiHandler({ action: "team.manage" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const { userId } = parseWith(removeStaffInput, { userId: params.userId });
  const clinicId = access.clinic.id;
  await withUser(user, (db) => removeStaff(db, clinicId, userId));
  return { ok: true };
});
