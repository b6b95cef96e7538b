// Moves an upcoming appointment in one statement (old slot freed, new slot taken, or nothing changes).
// Clients only their own and inside the clinic's change window; staff any time. Lost race: SLOT_TAKEN.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, instantField, oneRow, toAppointment, type Appointment } from "./appointment-record";
import "./rpc-types";

export const rescheduleAppointmentSchema = z.strictObject({
  startsAt: instantField,
  vetId: idField.nullable().optional(),
});
export type RescheduleAppointmentInput = z.input<typeof rescheduleAppointmentSchema>;

export async function rescheduleAppointment(
  db: Db,
  appointmentId: string,
  input: RescheduleAppointmentInput,
): Promise<Appointment> {
  const id = parseWith(idField, appointmentId);
  const data = parseWith(rescheduleAppointmentSchema, input);
  const row = await oneRow(
    rpc(db, "reschedule_appointment", {
      p_appointment_id: id,
      p_starts_at: data.startsAt,
      p_vet_id: data.vetId ?? null,
    }),
    "reschedule_appointment",
  );
  return toAppointment(row);
}
