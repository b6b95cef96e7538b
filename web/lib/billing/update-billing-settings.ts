// Owners and admins edit the legal details and the tax mode (RLS admits only them; others update no row and
// get FORBIDDEN). Changing the tax mode affects new drafts only: each invoice keeps the mode it was created with.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { billingSettingsColumns, type BillingSettings } from "./billing-settings";
import { idField } from "./invoice-record";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

export const updateBillingSettingsSchema = z.strictObject({
  pricesIncludeTax: z.boolean().optional(),
  legalName: optional(200),
  taxId: optional(40),
  legalAddress: optional(300),
  // "" clears it; another clinic's or an unknown rate fails the foreign key (422 on this field)
  defaultTaxRateId: z
    .union([z.uuid("Not a valid id"), z.literal("")])
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional(),
});
export type UpdateBillingSettingsInput = z.input<typeof updateBillingSettingsSchema>;

export async function updateBillingSettings(
  db: Db,
  clinicId: string,
  input: UpdateBillingSettingsInput,
): Promise<BillingSettings> {
  const clinic = parseWith(idField, clinicId);
  const d = parseWith(updateBillingSettingsSchema, input);
  const { rows } = await db.query<BillingSettings>(
    `update public.clinic_billing_settings s
        set prices_include_tax = coalesce($2, s.prices_include_tax),
            legal_name = case when $3 then $4 else s.legal_name end,
            tax_id = case when $5 then $6 else s.tax_id end,
            legal_address = case when $7 then $8 else s.legal_address end,
            default_tax_rate_id = case when $9 then $10::uuid else s.default_tax_rate_id end
      where s.clinic_id = $1
      returning ${billingSettingsColumns}`,
    [
      clinic,
      d.pricesIncludeTax ?? null,
      d.legalName !== undefined,
      d.legalName ?? null,
      d.taxId !== undefined,
      d.taxId ?? null,
      d.legalAddress !== undefined,
      d.legalAddress ?? null,
      d.defaultTaxRateId !== undefined,
      d.defaultTaxRateId ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new AppError("FORBIDDEN", "Only owners and admins can edit the billing settings.");
  return row;
}
