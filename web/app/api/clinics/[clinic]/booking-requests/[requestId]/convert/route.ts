import { convertBookingRequest, convertBookingRequestSchema } from "@/lib/appointments/convert-booking-request";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/booking-requests/[requestId]/convert - staff book the requested visit at a chosen slot
export const POST = apiHandler(
  { body: convertBookingRequestSchema, action: "bookingRequests.manage", status: 201 },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const input = { ...body, startsAt: body.startsAt.toISOString() };
    return { appointment: await withUser(user, (db) => convertBookingRequest(db, params.requestId ?? "", input)) };
  },
);
