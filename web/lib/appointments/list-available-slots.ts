// Free start times for a service between two local dates (inclusive) in the clinic's time zone, per vet.
// Works for visitors (asAnonymous) and clients within the booking rules, and for staff from now on.
// With a pet, times that pet already has an appointment (with any vet) are left out; with an appointment
// being moved, its own time counts as free.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { dateField, idField } from "./appointment-record";
import "./rpc-types";

export const listAvailableSlotsSchema = z
  .strictObject({
    serviceId: idField,
    from: dateField,
    to: dateField,
    vetId: idField.nullable().optional(),
    /** Leave out the times this pet (the caller's; any of the clinic's for staff) is already booked. */
    petId: idField.nullable().optional(),
    /** Slots for moving this appointment: its own time counts as free, and its pet's other bookings are left out. */
    movingAppointmentId: idField.nullable().optional(),
  })
  .refine((v) => v.to >= v.from, { message: "Pick an end date on or after the start date.", path: ["to"] });
export type ListAvailableSlotsInput = z.input<typeof listAvailableSlotsSchema>;

export interface Slot {
  vetId: string;
  vetName: string;
  startsAt: Date;
  endsAt: Date;
}

export async function listAvailableSlots(db: Db, clinicId: string, input: ListAvailableSlotsInput): Promise<Slot[]> {
  const data = parseWith(listAvailableSlotsSchema, input);
  const rows = await rpc(db, "list_available_slots", {
    p_clinic_id: clinicId,
    p_service_id: data.serviceId,
    p_from: data.from,
    p_to: data.to,
    p_vet_id: data.vetId ?? null,
    p_pet_id: data.petId ?? null,
    p_moving_appointment_id: data.movingAppointmentId ?? null,
  });
  return rows.map((r) => ({ vetId: r.vet_id, vetName: r.vet_name, startsAt: r.starts_at, endsAt: r.ends_at }));
}
