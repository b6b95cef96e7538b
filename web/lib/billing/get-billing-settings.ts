// The clinic's billing settings row (every clinic has one, created with it in migration 500).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { billingSettingsColumns, type BillingSettings } from "./billing-settings";
import { idField } from "./invoice-record";

export async function getBillingSettings(db: Db, clinicId: string): Promise<BillingSettings> {
  const clinic = parseWith(idField, clinicId);
  const { rows } = await db.query<BillingSettings>(
    `select ${billingSettingsColumns} from public.clinic_billing_settings s where s.clinic_id = $1`,
    [clinic],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No billing settings for this clinic.");
  return row;
}
