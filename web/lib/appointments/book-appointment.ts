// Books a slot for a pet. The SQL function derives the actor from the session, re-checks the slot with the
// same logic the slot list uses and relies on the exclusion constraint for races: a lost race is
// SLOT_TAKEN (409). Staff may pass clientId to book for a client; vetId null means any vet.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, instantField, oneRow, optionalNote, toAppointment, type Appointment } from "./appointment-record";
import "./rpc-types";

export const bookAppointmentSchema = z.strictObject({
  petId: idField,
  serviceId: idField,
  startsAt: instantField,
  vetId: idField.nullable().optional(),
  clientId: idField.nullable().optional(),
  notes: optionalNote(2000),
});
export type BookAppointmentInput = z.input<typeof bookAppointmentSchema>;

export async function bookAppointment(db: Db, clinicId: string, input: BookAppointmentInput): Promise<Appointment> {
  const data = parseWith(bookAppointmentSchema, input);
  const row = await oneRow(
    rpc(db, "book_appointment", {
      p_clinic_id: clinicId,
      p_pet_id: data.petId,
      p_service_id: data.serviceId,
      p_starts_at: data.startsAt,
      p_vet_id: data.vetId ?? null,
      p_client_id: data.clientId ?? null,
      p_notes: data.notes,
    }),
    "book_appointment",
  );
  return toAppointment(row);
}
