import { z } from "zod";
import { bookAppointment, bookAppointmentSchema } from "@/lib/appointments/book-appointment";
import { listAppointments } from "@/lib/appointments/list-appointments";
import { withNextSlotsOnSlotTaken } from "@/lib/appointments/slot-taken-response";
import { withUser } from "@/lib/db/context";
import { actingClientId, can } from "@/lib/clinics/permissions";
import { spendClientBooking } from "@/lib/rate-limits/abuse-limits";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const DAY = 86_400_000;
const listQuery = z.object({
  from: z.iso.datetime({ offset: true, message: "Use an ISO date-time with an offset." }).optional(),
  to: z.iso.datetime({ offset: true, message: "Use an ISO date-time with an offset." }).optional(),
  vetId: z.uuid("Not a valid id.").optional(),
});

// GET /api/clinics/[clinic]/appointments?from&to&vetId - staff: the clinic's calendar; clients: their own
export const GET = apiHandler({ query: listQuery, action: "appointments.use" }, async ({ user, access, query }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  // default: the last 180 days and what is booked ahead (list_appointments takes at most 400 days)
  const from = query.from ?? new Date(Date.now() - 180 * DAY).toISOString();
  const to = query.to ?? new Date(new Date(from).getTime() + 380 * DAY).toISOString();
  const vetId = can(access, "appointments.readCalendar") ? (query.vetId ?? null) : null;
  return { appointments: await withUser(user, (db) => listAppointments(db, clinicId, { from, to, vetId })) };
});

// POST /api/clinics/[clinic]/appointments - book a slot for a pet (Idempotency-Key; 409 SLOT_TAKEN lists next free
// slots)
export const POST = apiHandler(
  { body: bookAppointmentSchema, action: "appointments.use", idempotent: true, status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinic = access.clinic;
    if (!access.role) await spendClientBooking(clinic.id, user.userId);
    const clientId = actingClientId(access, body.clientId, "appointments.actForAnyClient");
    const input = { ...body, startsAt: body.startsAt.toISOString(), clientId };
    const target = { serviceId: body.serviceId, vetId: body.vetId ?? null, petId: body.petId, after: body.startsAt };
    return withNextSlotsOnSlotTaken(user, clinic, target, async () => ({
      appointment: await withUser(user, (db) => bookAppointment(db, clinic.id, input)),
    }));
  },
);
