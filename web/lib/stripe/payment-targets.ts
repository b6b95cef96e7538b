// What a PaymentIntent pays for. Each kind (invoice, store order, subscription period) supplies a loader that
// reads the amount and currency from its own row in the database (never from the browser) and a sink that
// applies a confirmed payment or refund to that row.
import type { Db } from "@/lib/db/types";

export const targetKinds = ["invoice", "order", "subscription"] as const;
export type TargetKind = (typeof targetKinds)[number];

export interface PaymentTarget {
  kind: TargetKind;
  id: string;
}

/** What is owed, as read from the database row being paid. */
export interface Payable {
  target: PaymentTarget;
  clinicId: string;
  /** Minor units, > 0: the balance still to pay. */
  amountCents: number;
  /** ISO 4217, as stored for the clinic (EUR). */
  currency: string;
  description?: string;
}

/** Reads the payable for a target under the caller's RLS; throws NOT_FOUND or CONFLICT (nothing to pay). */
export type PayableLoader = (db: Db, target: PaymentTarget) => Promise<Payable>;

/** The metadata key that names the target on Stripe objects: invoice_id, order_id, subscription_id. */
export function targetMetadataKey(kind: TargetKind): `${TargetKind}_id` {
  return `${kind}_id`;
}
