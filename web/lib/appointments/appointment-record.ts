// The shapes use-cases return (camelCase) and the field rules their zod schemas share. SQL error columns
// (starts_at) become input fields (startsAt) in lib/db/error-map.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type {
  AppointmentRow,
  AppointmentStatus,
  BookingRequestRow,
  BookingRequestStatus,
  TimeOfDay,
} from "./rpc-types";

export interface Appointment {
  id: string;
  clinicId: string;
  clientId: string;
  petId: string;
  serviceId: string;
  vetId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  sequence: number;
  /** Staff-only: null for anyone but staff of the clinic (the SQL shapes rows in private.appointment_for_caller). */
  notes: string | null;
  cancelReason: string | null;
  cancelledAt: Date | null;
  createdAt: Date;
}

export function toAppointment(r: AppointmentRow): Appointment {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    clientId: r.client_id,
    petId: r.pet_id,
    serviceId: r.service_id,
    vetId: r.vet_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    sequence: r.sequence,
    notes: r.notes,
    cancelReason: r.cancel_reason,
    cancelledAt: r.cancelled_at,
    createdAt: r.created_at,
  };
}

export interface BookingRequest {
  id: string;
  clinicId: string;
  clientId: string;
  petId: string;
  serviceId: string;
  preferredDates: string[];
  timeOfDay: TimeOfDay;
  note: string | null;
  status: BookingRequestStatus;
  declineMessage: string | null;
  appointmentId: string | null;
  createdAt: Date;
}

/** YYYY-MM-DD from a pg date value: a string already, or a Date at local midnight (date[] elements). */
export function toDateString(d: string | Date): string {
  if (typeof d === "string") return d;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function toBookingRequest(r: BookingRequestRow): BookingRequest {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    clientId: r.client_id,
    petId: r.pet_id,
    serviceId: r.service_id,
    preferredDates: r.preferred_dates.map(toDateString),
    timeOfDay: r.time_of_day,
    note: r.note,
    status: r.status,
    declineMessage: r.decline_message,
    appointmentId: r.appointment_id,
    createdAt: r.created_at,
  };
}

export const idField = z.uuid("Not a valid id.");
/** An ISO 8601 instant with an explicit offset or Z, e.g. 2026-12-01T14:00:00Z. */
export const instantField = z.iso
  .datetime({ offset: true, message: "Use an ISO date-time with a time zone offset." })
  .transform((s) => new Date(s));
/** A local calendar date, YYYY-MM-DD. */
export const dateField = z.iso.date("Use a date in the form YYYY-MM-DD.");
export const optionalNote = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullable()
    .optional()
    .transform((s) => (s ? s : null));

/** Runs one rpc and returns its single row; a missing row is an internal error. Errors are mapped by withUser. */
export async function oneRow<T>(call: Promise<T[]>, what: string): Promise<T> {
  const row = (await call)[0];
  if (!row) throw new AppError("INTERNAL", `${what} returned no row.`);
  return row;
}
