// Vets, owners and admins add a vaccine to the clinic's list (RLS on vaccines is the guard).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { vaccineColumns, vaccineFields, type Vaccine } from "./vaccine-record";

export const createVaccineSchema = z.strictObject({ ...vaccineFields, active: vaccineFields.active.default(true) });
export type CreateVaccineInput = z.input<typeof createVaccineSchema>;

export async function createVaccine(db: Db, clinicId: string, input: CreateVaccineInput): Promise<Vaccine> {
  const d = parseWith(createVaccineSchema, input);
  const { rows } = await db.query<Vaccine>(
    `insert into public.vaccines as x (clinic_id, name, species, interval_days, active) values ($1, $2, $3, $4, $5)
     returning ${vaccineColumns}`,
    [parseWith(z.uuid(), clinicId), d.name, d.species, d.intervalDays, d.active],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into vaccines returned no row");
  return row;
}
