// Appointments overlapping a time range, with vet/service/pet/client names: a staff member gets the clinic's
// calendar (optionally one vet), a client only their own. All statuses; filter on the page as needed.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, instantField } from "./appointment-record";
import type { AppointmentStatus } from "./rpc-types";

export const listAppointmentsSchema = z
  .strictObject({
    from: instantField,
    to: instantField,
    vetId: idField.nullable().optional(),
  })
  .refine((v) => v.to > v.from, { message: "The end must be after the start.", path: ["to"] });
export type ListAppointmentsInput = z.input<typeof listAppointmentsSchema>;

export interface AppointmentListItem {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  vetId: string;
  vetName: string;
  serviceId: string;
  serviceName: string;
  petId: string;
  petName: string;
  clientId: string;
  clientName: string;
  notes: string | null;
  cancelReason: string | null;
  clientCanChange: boolean;
}

export async function listAppointments(
  db: Db,
  clinicId: string,
  input: ListAppointmentsInput,
): Promise<AppointmentListItem[]> {
  const data = parseWith(listAppointmentsSchema, input);
  const rows = await rpc(db, "list_appointments", {
    p_clinic_id: clinicId,
    p_from: data.from,
    p_to: data.to,
    p_vet_id: data.vetId ?? null,
  });
  return rows.map((r) => ({
    id: r.id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    vetId: r.vet_id,
    vetName: r.vet_name,
    serviceId: r.service_id,
    serviceName: r.service_name,
    petId: r.pet_id,
    petName: r.pet_name,
    clientId: r.client_id,
    clientName: r.client_name,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    clientCanChange: r.client_can_change,
  }));
}
