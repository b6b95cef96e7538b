// Whether a client can pay this clinic online now: Stripe is configured and the clinic's connected account
// may take charges. Read on the system path (clients cannot read the account row), scoped to the clinic.
import "server-only";
import { asSystem } from "@/lib/db/context";
import { isStripeEnabled } from "./client";

export async function takesCardPayments(clinicId: string): Promise<boolean> {
  if (!isStripeEnabled()) return false;
  return asSystem(async (db) => {
    const { rows } = await db.query<{ charges_enabled: boolean }>(
      "select charges_enabled from public.clinic_payment_accounts where clinic_id = $1",
      [clinicId],
    );
    return rows[0]?.charges_enabled === true;
  });
}
