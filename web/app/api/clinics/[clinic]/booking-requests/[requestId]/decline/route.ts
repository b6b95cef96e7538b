import { declineBookingRequest, declineBookingRequestSchema } from "@/lib/appointments/decline-booking-request";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/booking-requests/[requestId]/decline - staff decline with a message mailed to the client
export const POST = apiHandler(
  { body: declineBookingRequestSchema, action: "bookingRequests.manage" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    return { request: await withUser(user, (db) => declineBookingRequest(db, params.requestId ?? "", body)) };
  },
);
