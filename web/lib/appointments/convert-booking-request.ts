// Staff turn an open booking request into an appointment: booking and "converted" commit together, and a
// lost slot (SLOT_TAKEN) leaves the request open.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, instantField, oneRow, toAppointment, type Appointment } from "./appointment-record";
import "./rpc-types";

export const convertBookingRequestSchema = z.strictObject({
  startsAt: instantField,
  vetId: idField.nullable().optional(),
});
export type ConvertBookingRequestInput = z.input<typeof convertBookingRequestSchema>;

export async function convertBookingRequest(
  db: Db,
  requestId: string,
  input: ConvertBookingRequestInput,
): Promise<Appointment> {
  const id = parseWith(idField, requestId);
  const data = parseWith(convertBookingRequestSchema, input);
  const row = await oneRow(
    rpc(db, "convert_booking_request", { p_request_id: id, p_starts_at: data.startsAt, p_vet_id: data.vetId ?? null }),
    "convert_booking_request",
  );
  return toAppointment(row);
}
