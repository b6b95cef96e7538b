// Cancels with a reason and frees the slot. Clients: their own, inside the change window; staff any time.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toAppointment, type Appointment } from "./appointment-record";
import "./rpc-types";

export const cancelAppointmentSchema = z.strictObject({
  reason: z.string().trim().min(1, "Please give a reason.").max(500, "At most 500 characters."),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;

export async function cancelAppointment(
  db: Db,
  appointmentId: string,
  input: CancelAppointmentInput,
): Promise<Appointment> {
  const id = parseWith(idField, appointmentId);
  const data = parseWith(cancelAppointmentSchema, input);
  const row = await oneRow(
    rpc(db, "cancel_appointment", { p_appointment_id: id, p_reason: data.reason }),
    "cancel_appointment",
  );
  return toAppointment(row);
}
