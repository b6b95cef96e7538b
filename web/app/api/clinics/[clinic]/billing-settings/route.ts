import { getBillingSettings } from "@/lib/billing/get-billing-settings";
import { updateBillingSettings, updateBillingSettingsSchema } from "@/lib/billing/update-billing-settings";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/billing-settings - staff read the legal details and whether prices include tax
export const GET = apiHandler({ action: "billing.use" }, async ({ user, access }) => {
  if (!access) throw notFound();
  return { settings: await withUser(user, (db) => getBillingSettings(db, access.clinic.id)) };
});

// PATCH /api/clinics/[clinic]/billing-settings - owners and admins edit them
export const PATCH = apiHandler(
  { body: updateBillingSettingsSchema, action: "billing.manage" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    return { settings: await withUser(user, (db) => updateBillingSettings(db, access.clinic.id, body)) };
  },
);
