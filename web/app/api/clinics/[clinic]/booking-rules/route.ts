import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";
import { getBookingRules } from "@/lib/schedules/get-booking-rules";
import { updateBookingRules, updateBookingRulesSchema } from "@/lib/schedules/update-booking-rules";

// GET /api/clinics/[clinic]/booking-rules - minimum notice, days ahead, slot grid, client change window
export const GET = apiHandler({ action: "bookingRules.read" }, async ({ user, access }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  return { rules: await withUser(user, (db) => getBookingRules(db, clinicId)) };
});

// PUT /api/clinics/[clinic]/booking-rules - owners and admins set the rules
export const PUT = apiHandler(
  { body: updateBookingRulesSchema, action: "bookingRules.edit" },
  async ({ user, access, body }) => {
    if (!access) throw notFound();
    const clinicId = access.clinic.id;
    return { rules: await withUser(user, (db) => updateBookingRules(db, clinicId, body)) };
  },
);
