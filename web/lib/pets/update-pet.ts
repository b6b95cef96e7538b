// Edits a pet the caller may edit (its owner, or staff of its clinic). Owner and clinic are not editable:
// they are not in the schema and have no update grant.
import "server-only";
import { z } from "zod";
import { buildAssignments } from "@/lib/clients/client-record";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { kgToGrams, petColumnNames, petColumns, petFields, type PetRecord } from "./pet-record";

export const updatePetSchema = z.strictObject({
  name: petFields.name.optional(),
  species: petFields.species.optional(),
  breed: petFields.breed,
  sex: petFields.sex.optional(),
  birthDate: petFields.birthDate,
  weightKg: petFields.weightKg,
  microchip: petFields.microchip,
  notes: petFields.notes,
});
export type UpdatePetInput = z.input<typeof updatePetSchema>;

const scopeSchema = z.object({ clinicId: z.uuid(), petId: z.uuid() });

export async function updatePet(db: Db, scope: z.input<typeof scopeSchema>, input: UpdatePetInput): Promise<PetRecord> {
  const { clinicId, petId } = parseWith(scopeSchema, scope);
  const { weightKg, ...rest } = parseWith(updatePetSchema, input);
  const params: unknown[] = [clinicId, petId];
  const sets = buildAssignments({ ...rest, weightGrams: kgToGrams(weightKg) }, petColumnNames, params);
  if (!sets.length) sets.push("name = p.name");
  const { rows } = await db.query<PetRecord>(
    `update public.pets p set ${sets.join(", ")} where p.clinic_id = $1 and p.id = $2 returning ${petColumns}`,
    params,
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such pet.");
  return row;
}
