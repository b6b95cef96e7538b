import { z } from "zod";
import { listBookingRequests } from "@/lib/appointments/list-booking-requests";
import { requestBooking, requestBookingSchema } from "@/lib/appointments/request-booking";
import { withUser } from "@/lib/db/context";
import { actingClientId } from "@/lib/clinics/permissions";
import { spendClientBooking } from "@/lib/rate-limits/abuse-limits";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

const listQuery = z.object({
  status: z.enum(["open", "converted", "declined"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

// GET /api/clinics/[clinic]/booking-requests?status - the staff queue, open requests first
export const GET = apiHandler(
  { query: listQuery, action: "bookingRequests.manage" },
  async ({ user, access, query }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return withUser(user, (db) => listBookingRequests(db, clinicId, query));
  },
);

// POST /api/clinics/[clinic]/booking-requests - ask for an appointment when no slot fits (a duplicate returns the open
// one)
export const POST = apiHandler(
  { body: requestBookingSchema, action: "bookingRequests.create", status: 201 },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    if (!access.role) await spendClientBooking(clinicId, user.userId);
    const input = { ...body, clientId: actingClientId(access, body.clientId, "appointments.actForAnyClient") };
    return { request: await withUser(user, (db) => requestBooking(db, clinicId, input)) };
  },
);
