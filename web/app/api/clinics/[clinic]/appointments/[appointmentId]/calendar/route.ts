import { getAppointmentCalendarFile } from "@/lib/appointments/get-appointment-calendar-file";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/appointments/[appointmentId]/calendar - the appointment as an .ics file to add to a
// calendar
export const GET = apiHandler({ action: "appointments.use" }, async ({ user, access, params }) => {
  if (!access) throw notFound();
  const clinicId = access.clinic.id;
  const ics = await withUser(user, (db) => getAppointmentCalendarFile(db, clinicId, params.appointmentId ?? ""));
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="appointment.ics"',
      "cache-control": "private, no-store",
    },
  });
});
