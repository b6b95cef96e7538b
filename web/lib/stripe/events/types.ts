import type Stripe from "stripe";
import type { Db } from "@/lib/db/types";

/** One Stripe event type's effect, run inside the transaction that records the event id. */
export type StripeEventHandler = (db: Db, event: Stripe.Event) => Promise<void>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid from Stripe metadata, or null: a malformed value must not fail the event forever. */
export function metadataUuid(metadata: Stripe.Metadata | null | undefined, key: string): string | null {
  const value = metadata?.[key];
  return typeof value === "string" && uuid.test(value) ? value : null;
}

/** The id of an expandable field (a string, or the expanded object). */
export function idOf(field: string | { id: string } | null | undefined): string | null {
  if (!field) return null;
  return typeof field === "string" ? field : field.id;
}
