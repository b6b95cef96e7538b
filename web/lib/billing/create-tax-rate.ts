// Owners and admins add a tax rate (RLS admits only them). A rate's percentage never changes once created:
// archive it and add another, so drafts do not silently change price and issued invoices keep theirs.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";
import { taxRateColumns, type TaxRate } from "./tax-rates";

export const createTaxRateSchema = z.strictObject({
  name: z.string().trim().min(1, "Enter a name").max(60, "At most 60 characters"),
  basisPoints: z.number().int("Whole basis points (2100 = 21%)").min(0, "Not negative").max(10000, "At most 100%"),
});
export type CreateTaxRateInput = z.input<typeof createTaxRateSchema>;

export async function createTaxRate(db: Db, clinicId: string, input: CreateTaxRateInput): Promise<TaxRate> {
  const clinic = parseWith(idField, clinicId);
  const d = parseWith(createTaxRateSchema, input);
  const { rows } = await db.query<TaxRate>(
    `insert into public.tax_rates as r (clinic_id, name, basis_points) values ($1, $2, $3) returning ${taxRateColumns}`,
    [clinic, d.name, d.basisPoints],
  );
  const row = rows[0];
  if (!row) throw new AppError("INTERNAL", "insert into tax_rates returned no row");
  return row;
}
