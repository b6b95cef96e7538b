// Whether the clinic lets receptionists read visits' clinical notes, for its settings page.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { ClinicalNotesAccess } from "./update-clinical-notes-access";

export async function getClinicalNotesAccess(db: Db, clinicId: string): Promise<ClinicalNotesAccess> {
  const { rows } = await db.query<ClinicalNotesAccess>(
    `select receptionists_read_clinical_notes as "receptionistsReadClinicalNotes" from public.clinics where id = $1`,
    [clinicId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such clinic.");
  return row;
}
