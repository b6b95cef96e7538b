// Vets, owners and admins edit a vaccine of their clinic (its interval applies to vaccinations recorded later).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField, vaccineColumns, vaccineFields, type Vaccine } from "./vaccine-record";

export const updateVaccineSchema = z.strictObject(vaccineFields);
export type UpdateVaccineInput = z.input<typeof updateVaccineSchema>;

export async function updateVaccine(
  db: Db,
  scope: { clinicId: string; vaccineId: string },
  input: UpdateVaccineInput,
): Promise<Vaccine> {
  const vaccineId = parseWith(idField, scope.vaccineId);
  const d = parseWith(updateVaccineSchema, input);
  const { rows } = await db.query<Vaccine>(
    `update public.vaccines as x set name = $3, species = $4, interval_days = $5, active = $6
      where x.clinic_id = $1 and x.id = $2 returning ${vaccineColumns}`,
    [scope.clinicId, vaccineId, d.name, d.species, d.intervalDays, d.active],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such vaccine.");
  return row;
}
