// A vet prescribes for a pet. The SQL function checks the role (vets only), the pet's clinic and that the
// expiry is after the clinic's today, and takes the prescribing vet from the session.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { getPrescription } from "./get-prescription";
import type { Prescription } from "./prescription-record";

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max, `At most ${max} characters.`);

export const createPrescriptionSchema = z.strictObject({
  medication: text(200, "Name the medication."),
  dose: text(200, "Give the dose."),
  directions: text(2000, "Give the directions."),
  unit: z.string().trim().max(30, "At most 30 characters.").optional(),
  quantityPerFill: z.coerce
    .number("Give a whole number.")
    .int("Give a whole number.")
    .min(1, "At least 1.")
    .max(100000, "At most 100000."),
  refills: z.coerce
    .number("Give a whole number.")
    .int("Give a whole number.")
    .min(0, "At least 0.")
    .max(50, "At most 50."),
  expiresOn: z.iso.date("Use a date like 2027-04-12"),
});
export type CreatePrescriptionInput = z.input<typeof createPrescriptionSchema>;

const scopeSchema = z.object({ clinicId: z.uuid(), petId: z.uuid("No such pet.") });

export async function createPrescription(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  input: CreatePrescriptionInput,
): Promise<Prescription> {
  const { clinicId, petId } = parseWith(scopeSchema, scope);
  const d = parseWith(createPrescriptionSchema, input);
  const [row] = await rpc(db, "create_prescription", {
    p_clinic_id: clinicId,
    p_pet_id: petId,
    p_medication: d.medication,
    p_dose: d.dose,
    p_directions: d.directions,
    p_unit: d.unit ?? "",
    p_quantity_per_fill: d.quantityPerFill,
    p_refills: d.refills,
    p_expires_on: d.expiresOn,
  });
  if (!row) throw new Error("create_prescription returned no row");
  return getPrescription(db, { clinicId, prescriptionId: row.id });
}
