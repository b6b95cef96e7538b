// One appointment as an .ics file for the caller's own calendar (the same event the booking emails carry;
// importing it again updates the event). Clients: their own appointments; staff: their clinic's.
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./appointment-record";
import "./rpc-types";

export async function getAppointmentCalendarFile(db: Db, clinicId: string, appointmentId: string): Promise<string> {
  const id = parseWith(idField, appointmentId);
  const rows = await rpc(db, "appointment_calendar_file", { p_clinic_id: clinicId, p_appointment_id: id });
  return rows[0]?.appointment_calendar_file ?? "";
}
