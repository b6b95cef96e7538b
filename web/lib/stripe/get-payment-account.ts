// The clinic's card-payment setup as staff see it in settings. Read under the caller's RLS (staff only).
import "server-only";
import type { Db } from "@/lib/db/types";
import { isStripeEnabled } from "./client";

export type PaymentAccountState =
  | { state: "disabled" }
  | { state: "not_connected" }
  | { state: "pending"; payoutsEnabled: boolean }
  | { state: "ready"; payoutsEnabled: boolean };

export async function getPaymentAccount(db: Db, clinicId: string): Promise<PaymentAccountState> {
  if (!isStripeEnabled()) return { state: "disabled" };
  const { rows } = await db.query<{ charges_enabled: boolean; payouts_enabled: boolean }>(
    "select charges_enabled, payouts_enabled from public.clinic_payment_accounts where clinic_id = $1",
    [clinicId],
  );
  const row = rows[0];
  if (!row) return { state: "not_connected" };
  return { state: row.charges_enabled ? "ready" : "pending", payoutsEnabled: row.payouts_enabled };
}
