// The clinic's editable profile, for its staff (the public page reads clinics directly).
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { clinicColumns, toClinicProfile, type ClinicProfile, type ClinicRow } from "./clinic-fields";

export async function getClinicSettings(db: Db, clinicId: string): Promise<ClinicProfile> {
  await db.query("select private.require_clinic_role($1)", [clinicId]);
  const { rows } = await db.query<ClinicRow>(`select ${clinicColumns} from public.clinics where id = $1`, [clinicId]);
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such clinic.");
  return toClinicProfile(row);
}
