// Owners and admins decide whether receptionists may read visits' SOAP notes, diagnoses and addenda.
// RLS on clinics ("owners and admins can edit their clinic") is the guard.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";

export const clinicalNotesAccessSchema = z.strictObject({
  receptionistsReadClinicalNotes: z.boolean("Choose yes or no"),
});
export type ClinicalNotesAccess = z.output<typeof clinicalNotesAccessSchema>;

export async function updateClinicalNotesAccess(
  db: Db,
  clinicId: string,
  input: z.input<typeof clinicalNotesAccessSchema>,
): Promise<ClinicalNotesAccess> {
  const { receptionistsReadClinicalNotes } = parseWith(clinicalNotesAccessSchema, input);
  const { rows } = await db.query<ClinicalNotesAccess>(
    `update public.clinics set receptionists_read_clinical_notes = $2 where id = $1
     returning receptionists_read_clinical_notes as "receptionistsReadClinicalNotes"`,
    [clinicId, receptionistsReadClinicalNotes],
  );
  const row = rows[0];
  if (!row) throw new AppError("FORBIDDEN", "Only the clinic's owners and admins can change this.");
  return row;
}
