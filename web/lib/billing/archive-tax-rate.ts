// Owners and admins archive a tax rate: new lines can no longer use it; drafts already using it must pick
// another before they are saved again, and issued invoices keep the rate they captured.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";

export async function archiveTaxRate(db: Db, clinicId: string, taxRateId: string): Promise<void> {
  const clinic = parseWith(idField, clinicId);
  const id = parseWith(idField, taxRateId);
  const { rowCount } = await db.query(
    "update public.tax_rates set archived_at = coalesce(archived_at, now()) where id = $1 and clinic_id = $2",
    [id, clinic],
  );
  if (!rowCount) throw new AppError("NOT_FOUND", "That tax rate does not exist.");
}
