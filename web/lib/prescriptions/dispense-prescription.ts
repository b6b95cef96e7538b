// Staff dispense from a prescription: one ledger line and the remaining quantity decremented, in one SQL
// function under the prescription's row lock (concurrent dispensings never take more than remains).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./prescription-record";

export const dispensePrescriptionSchema = z.strictObject({
  quantity: z.coerce.number("Give a whole number.").int("Give a whole number.").min(1, "At least 1."),
  batch: z.string().trim().max(80, "At most 80 characters.").optional(),
});
export type DispensePrescriptionInput = z.input<typeof dispensePrescriptionSchema>;

export interface Dispensed {
  id: string;
  prescriptionId: string;
  quantity: number;
  remainingAfter: number;
}

export async function dispensePrescription(
  db: Db,
  scope: { clinicId: string; prescriptionId: string },
  input: DispensePrescriptionInput,
): Promise<Dispensed> {
  const prescriptionId = parseWith(idField, scope.prescriptionId);
  const d = parseWith(dispensePrescriptionSchema, input);
  const [line] = await rpc(db, "dispense_prescription", {
    p_prescription_id: prescriptionId,
    p_quantity: d.quantity,
    p_batch: d.batch || null,
  });
  // A prescription of another clinic the caller also works for is not this clinic's: undo (the caller's
  // transaction rolls back on the throw).
  if (!line || line.clinic_id !== scope.clinicId) throw new AppError("NOT_FOUND", "No such prescription.");
  return { id: line.id, prescriptionId, quantity: line.quantity, remainingAfter: line.remaining_after };
}
