// Opens a visit: checking in an appointment (repeating returns the same visit) or a walk-in for a pet.
// public.open_visit holds the rules: any staff member may open one, one visit per appointment.
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import "./rpc-types";
import { idField, toVisit, visitFields, type Visit } from "./visit-record";

export const openVisitSchema = z
  .strictObject({
    appointmentId: idField.optional(),
    petId: idField.optional(),
    reason: visitFields.reason,
  })
  .refine((v) => v.appointmentId || v.petId, { message: "Choose the pet or the appointment.", path: ["petId"] });
export type OpenVisitInput = z.input<typeof openVisitSchema>;

export async function openVisit(db: Db, clinicId: string, input: OpenVisitInput): Promise<Visit> {
  const data = parseWith(openVisitSchema, input);
  const row = await rpcOne(db, "open_visit", {
    p_clinic_id: clinicId,
    p_pet_id: data.petId ?? null,
    p_appointment_id: data.appointmentId ?? null,
    p_reason: data.reason ?? null,
  });
  if (!row) throw new AppError("NOT_FOUND", "No such pet or appointment.");
  return toVisit(row);
}
