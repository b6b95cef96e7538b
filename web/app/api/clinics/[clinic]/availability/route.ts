import { listAvailableSlots, listAvailableSlotsSchema } from "@/lib/appointments/list-available-slots";
import { withUser } from "@/lib/db/context";
import { apiHandler } from "@/lib/http/api-handler";
import { notFound } from "@/lib/http/respond";

// GET /api/clinics/[clinic]/availability?serviceId&vetId&petId&movingAppointmentId&from&to - free starts per vet,
// local dates inclusive (petId: not when that pet is booked; movingAppointmentId: for moving that appointment)
export const GET = apiHandler(
  { query: listAvailableSlotsSchema, action: "appointments.use" },
  async ({ user, access, query }) => {
    if (!access) throw notFound();
    const clinic = access.clinic;
    const slots = await withUser(user, (db) => listAvailableSlots(db, clinic.id, query));
    return { timeZone: clinic.timeZone, slots };
  },
);
