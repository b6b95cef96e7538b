// Staff move an appointment through the day: confirm, check in, start, complete, or mark a no-show.
// The database enforces which transitions are allowed (invalid ones are INVALID_STATUS_TRANSITION, 409).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toAppointment, type Appointment } from "./appointment-record";
import "./rpc-types";

export const setAppointmentStatusSchema = z.strictObject({
  status: z.enum(["confirmed", "checked_in", "in_progress", "completed", "no_show"]),
});
export type SetAppointmentStatusInput = z.input<typeof setAppointmentStatusSchema>;

export async function setAppointmentStatus(
  db: Db,
  appointmentId: string,
  input: SetAppointmentStatusInput,
): Promise<Appointment> {
  const id = parseWith(idField, appointmentId);
  const data = parseWith(setAppointmentStatusSchema, input);
  const row = await oneRow(
    rpc(db, "set_appointment_status", { p_appointment_id: id, p_status: data.status }),
    "set_appointment_status",
  );
  return toAppointment(row);
}
