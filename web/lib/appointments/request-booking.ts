// A client (or staff for a client) asks for an appointment when no slot fits. One open request per client,
// pet and service: a duplicate, even a concurrent one, returns the existing open request.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { dateField, idField, oneRow, optionalNote, toBookingRequest, type BookingRequest } from "./appointment-record";
import "./rpc-types";

export const requestBookingSchema = z.strictObject({
  petId: idField,
  serviceId: idField,
  preferredDates: z.array(dateField).max(14, "Pick at most 14 dates.").default([]),
  timeOfDay: z.enum(["morning", "afternoon", "evening", "any"]).default("any"),
  note: optionalNote(1000),
  clientId: idField.nullable().optional(),
});
export type RequestBookingInput = z.input<typeof requestBookingSchema>;

export async function requestBooking(db: Db, clinicId: string, input: RequestBookingInput): Promise<BookingRequest> {
  const data = parseWith(requestBookingSchema, input);
  const row = await oneRow(
    rpc(db, "request_booking", {
      p_clinic_id: clinicId,
      p_pet_id: data.petId,
      p_service_id: data.serviceId,
      p_preferred_dates: data.preferredDates,
      p_time_of_day: data.timeOfDay,
      p_note: data.note,
      p_client_id: data.clientId ?? null,
    }),
    "request_booking",
  );
  return toBookingRequest(row);
}
