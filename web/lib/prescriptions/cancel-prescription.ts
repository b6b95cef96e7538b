// A vet cancels a prescription with a reason; the ledger keeps what was already dispensed.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./prescription-record";

export const cancelPrescriptionSchema = z.strictObject({
  reason: z.string().trim().min(1, "Please give a reason.").max(500, "At most 500 characters."),
});
export type CancelPrescriptionInput = z.input<typeof cancelPrescriptionSchema>;

export async function cancelPrescription(
  db: Db,
  scope: { clinicId: string; prescriptionId: string },
  input: CancelPrescriptionInput,
): Promise<{ id: string }> {
  const prescriptionId = parseWith(idField, scope.prescriptionId);
  const d = parseWith(cancelPrescriptionSchema, input);
  const [row] = await rpc(db, "cancel_prescription", { p_prescription_id: prescriptionId, p_reason: d.reason });
  if (!row || row.clinic_id !== scope.clinicId) throw new AppError("NOT_FOUND", "No such prescription.");
  return { id: row.id };
}
