import { createTaxRate, createTaxRateSchema } from "@/lib/billing/create-tax-rate";
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/tax-rates - staff list the clinic's tax rates in use
export const GET = apiHandler({ action: "billing.use" }, async ({ user, access }) => {
  if (!access) throw notFound();
  return { items: await withUser(user, (db) => listTaxRates(db, access.clinic.id)) };
});

// POST /api/clinics/[clinic]/tax-rates - owners and admins add a tax rate (basis points: 2100 = 21%)
export const POST = apiHandler(
  { body: createTaxRateSchema, action: "billing.manage", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    return { taxRate: await withUser(user, (db) => createTaxRate(db, access.clinic.id, body)) };
  },
);
