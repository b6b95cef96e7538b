// Field rules shared by the schedule and service use-cases. Their database errors are mapped to input fields
// in lib/db/error-map (a vet who is not on the team is a bad vetId, not a 404 on the whole request).
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const idField = z.uuid("Not a valid id.");
/** Wall-clock time HH:MM in the clinic's zone; 24:00 is allowed as an end. */
export const clockField = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a time like 09:30.");
export const dateField = z.iso.date("Use a date in the form YYYY-MM-DD.");
/** A short optional note (time-off reason, override note); blank means none. */
export const shortNoteField = z
  .string()
  .trim()
  .max(200, "At most 200 characters.")
  .nullable()
  .optional()
  .transform((s) => (s ? s : null));
export const weekdayField = z.number().int().min(1, "1 (Monday) to 7 (Sunday).").max(7, "1 (Monday) to 7 (Sunday).");

/** An [start, end) wall-clock interval with the end after the start. */
export const intervalSchema = z
  .strictObject({ start: clockField, end: clockField })
  .refine((v) => v.start < v.end, { message: "The end must be after the start.", path: ["end"] });

/** Postgres returns time as "09:00:00"; the UI speaks "09:00". */
export function hhmm(t: string): string {
  return t.slice(0, 5);
}

/**
 * Refuses early (FORBIDDEN) when the caller may not edit this vet's schedule, mirroring the RLS policies
 * (owners, admins and receptionists: anyone's; a staff member: their own) so that a delete RLS would
 * silently filter is reported rather than treated as success. RLS stays the guard.
 */
export async function requireScheduleEditor(
  db: { query: (text: string, params?: unknown[]) => Promise<{ rows: { ok: boolean }[] }> },
  clinicId: string,
  vetId: string,
): Promise<void> {
  const { rows } = await db.query(
    `select private.has_clinic_role($1, array['owner', 'admin', 'receptionist']::public.staff_role[])
         or ($2::uuid = private.current_user_id() and private.has_clinic_role($1)) as ok`,
    [clinicId, vetId],
  );
  if (!rows[0]?.ok) throw new AppError("FORBIDDEN", "You cannot change this person's schedule.");
}
