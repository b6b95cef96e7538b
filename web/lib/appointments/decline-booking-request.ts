// Staff decline an open booking request; the message goes to the client through the outbox.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toBookingRequest, type BookingRequest } from "./appointment-record";
import "./rpc-types";

export const declineBookingRequestSchema = z.strictObject({
  message: z.string().trim().min(1, "Write a short message to the client.").max(1000, "At most 1000 characters."),
});
export type DeclineBookingRequestInput = z.input<typeof declineBookingRequestSchema>;

export async function declineBookingRequest(
  db: Db,
  requestId: string,
  input: DeclineBookingRequestInput,
): Promise<BookingRequest> {
  const id = parseWith(idField, requestId);
  const data = parseWith(declineBookingRequestSchema, input);
  const row = await oneRow(
    rpc(db, "decline_booking_request", { p_request_id: id, p_message: data.message }),
    "decline_booking_request",
  );
  return toBookingRequest(row);
}
