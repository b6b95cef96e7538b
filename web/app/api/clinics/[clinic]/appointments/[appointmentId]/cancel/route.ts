import { cancelAppointment, cancelAppointmentSchema } from "@/lib/appointments/cancel-appointment";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// POST /api/clinics/[clinic]/appointments/[appointmentId]/cancel - cancel with a reason (clients: inside the change
// window)
export const POST = apiHandler(
  { body: cancelAppointmentSchema, action: "appointments.use" },
  async ({ user, access, body, params }) => {
    if (!access) throw notFound();
    return { appointment: await withUser(user, (db) => cancelAppointment(db, params.appointmentId ?? "", body)) };
  },
);
