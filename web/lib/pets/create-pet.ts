// Adds a pet for a client of the clinic. Policies admit the pet's owner or the clinic's staff; the composite
// foreign key keeps the pet in its client's clinic.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { kgToGrams, petColumns, petFields, type PetRecord } from "./pet-record";

export const createPetSchema = z.strictObject({
  ...petFields,
  sex: petFields.sex.default("unknown"),
});
export type CreatePetInput = z.input<typeof createPetSchema>;

const scopeSchema = z.object({ clinicId: z.uuid(), clientId: z.uuid("Choose the pet's owner") });

export async function createPet(db: Db, scope: z.input<typeof scopeSchema>, input: CreatePetInput): Promise<PetRecord> {
  const { clinicId, clientId } = parseWith(scopeSchema, scope);
  const d = parseWith(createPetSchema, input);
  const { rows } = await db.query<PetRecord>(
    `insert into public.pets as p (clinic_id, client_id, name, species, breed, sex, birth_date, weight_grams, microchip, notes)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     returning ${petColumns}`,
    [
      clinicId,
      clientId,
      d.name,
      d.species,
      d.breed ?? null,
      d.sex,
      d.birthDate ?? null,
      kgToGrams(d.weightKg) ?? null,
      d.microchip ?? null,
      d.notes ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error("insert into pets returned no row");
  return row;
}
