import { setAppointmentStatus, setAppointmentStatusSchema } from "@/lib/appointments/set-appointment-status";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/appointments/[appointmentId]/status - staff check in, start, complete or mark a no-show
export const POST = apiHandler(
  { body: setAppointmentStatusSchema, action: "appointments.setStatus" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    return { appointment: await withUser(user, (db) => setAppointmentStatus(db, params.appointmentId ?? "", body)) };
  },
);
