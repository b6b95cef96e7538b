import { rescheduleAppointment, rescheduleAppointmentSchema } from "@/lib/appointments/reschedule-appointment";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/appointments/[appointmentId]/reschedule - move to a free start (clients: inside the change
// window)
export const POST = apiHandler(
  { body: rescheduleAppointmentSchema, action: "appointments.use" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    const input = { ...body, startsAt: body.startsAt.toISOString() };
    return { appointment: await withUser(user, (db) => rescheduleAppointment(db, params.appointmentId ?? "", input)) };
  },
);
