import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { removeVisitCharge } from "@/lib/visits/remove-visit-charge";

// DELETE /api/clinics/[clinic]/visits/[visitId]/charges/[chargeId] - remove a charge from an open visit
export const DELETE = apiHandler({ action: "visits.write" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const scope = { clinicId: access.clinic.id, visitId: params.visitId ?? "" };
  await withUser(user, (db) => removeVisitCharge(db, scope, params.chargeId ?? ""));
  return { ok: true };
});
