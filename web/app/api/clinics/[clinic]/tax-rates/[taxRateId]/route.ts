import { archiveTaxRate } from "@/lib/billing/archive-tax-rate";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// DELETE /api/clinics/[clinic]/tax-rates/[taxRateId] - owners and admins archive a tax rate (never deleted)
export const DELETE = apiHandler({ action: "billing.manage" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  await withUser(user, (db) => archiveTaxRate(db, access.clinic.id, params.taxRateId ?? ""));
  return { ok: true };
});
