// The staff queue of booking requests with client, pet and service names (open first, oldest first), or a
// client's own requests. RLS decides which rows the caller sees.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import type { BookingRequestStatus, TimeOfDay } from "./rpc-types";

export const listBookingRequestsSchema = z.object({
  status: z.enum(["open", "converted", "declined"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListBookingRequestsInput = z.input<typeof listBookingRequestsSchema>;

export interface BookingRequestListItem {
  id: string;
  status: BookingRequestStatus;
  clientId: string;
  clientName: string;
  clientPhone: string | null;
  clientEmail: string | null;
  petId: string;
  petName: string;
  serviceId: string;
  serviceName: string;
  preferredDates: string[];
  timeOfDay: TimeOfDay;
  note: string | null;
  declineMessage: string | null;
  appointmentId: string | null;
  createdAt: Date;
}

export interface BookingRequestPage {
  items: BookingRequestListItem[];
  total: number;
  limit: number;
  offset: number;
}

export async function listBookingRequests(
  db: Db,
  clinicId: string,
  input: ListBookingRequestsInput = {},
): Promise<BookingRequestPage> {
  const { status, limit, offset } = parseWith(listBookingRequestsSchema, input);
  const params: unknown[] = [clinicId, status ?? null];
  const where = "r.clinic_id = $1 and ($2::public.booking_request_status is null or r.status = $2)";
  const count = await db.query<{ total: number }>(
    `select count(*)::int as total from public.booking_requests r where ${where}`,
    params,
  );
  const { rows } = await db.query<BookingRequestListItem>(
    `select r.id, r.status, r.client_id as "clientId", cl.full_name as "clientName", cl.phone as "clientPhone", cl.email::text as "clientEmail",
            r.pet_id as "petId", p.name as "petName", r.service_id as "serviceId", s.name as "serviceName",
            r.preferred_dates::text[] as "preferredDates", r.time_of_day as "timeOfDay", r.note, r.decline_message as "declineMessage",
            r.appointment_id as "appointmentId", r.created_at as "createdAt"
       from public.booking_requests r
       join public.clients cl on cl.id = r.client_id
       join public.pets p on p.id = r.pet_id
       join public.services s on s.id = r.service_id
      where ${where}
      order by r.status = 'open' desc, r.created_at, r.id
      limit $3 offset $4`,
    [...params, limit, offset],
  );
  return { items: rows, total: count.rows[0]?.total ?? 0, limit, offset };
}
