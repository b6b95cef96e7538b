// A clinician adds a charge to an open visit: a service (priced from the service, never from the request),
// a product or a free-text line with its own price. Billing later turns these rows into invoice lines.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, type VisitCharge } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

const quantity = z
  .number("Enter a quantity")
  .int("Use a whole number")
  .min(1, "At least 1")
  .max(10000, "At most 10000");
const description = z.string().trim().min(1, "Describe the charge").max(200, "At most 200 characters");
const unitPriceCents = z
  .number("Enter a price")
  .int("Use whole cents")
  .min(0, "Cannot be negative")
  .max(100000000, "Too large");

export const addVisitChargeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("service"), serviceId: idField, quantity: quantity.default(1) }),
    z.strictObject({ kind: z.enum(["product", "other"]), description, quantity: quantity.default(1), unitPriceCents }),
  ],
  "Choose service, product or other",
);
export type AddVisitChargeInput = z.input<typeof addVisitChargeSchema>;

export async function addVisitCharge(db: Db, scope: VisitScope, input: AddVisitChargeInput): Promise<VisitCharge> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  const data = parseWith(addVisitChargeSchema, input);
  const { rows } = await db.query<VisitCharge>(
    `insert into public.visit_charges (clinic_id, visit_id, kind, description, service_id, quantity, unit_price_cents)
     values ($1, $2, $3, $4, $5, $6, $7)
     returning id, kind, description, service_id as "serviceId", quantity, unit_price_cents as "unitPriceCents"`,
    data.kind === "service"
      ? [clinicId, visitId, data.kind, "", data.serviceId, data.quantity, null]
      : [clinicId, visitId, data.kind, data.description, null, data.quantity, data.unitPriceCents],
  );
  return rows[0] as VisitCharge;
}
