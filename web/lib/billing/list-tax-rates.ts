// A clinic's tax rates (highest first); archived ones only when asked (issued invoices keep their own copy).
import "server-only";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";
import { taxRateColumns, type TaxRate } from "./tax-rates";

export async function listTaxRates(
  db: Db,
  clinicId: string,
  opts: { includeArchived?: boolean } = {},
): Promise<TaxRate[]> {
  const clinic = parseWith(idField, clinicId);
  const { rows } = await db.query<TaxRate>(
    `select ${taxRateColumns} from public.tax_rates r
      where r.clinic_id = $1 and ($2 or r.archived_at is null)
      order by r.archived_at nulls first, r.basis_points desc, r.name`,
    [clinic, opts.includeArchived ?? false],
  );
  return rows;
}
