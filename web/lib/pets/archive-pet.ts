// Archives a pet (deceased, moved away): it leaves the active lists but its history stays. Restoring is the
// same call with archived = false.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { petColumns, type PetRecord } from "./pet-record";

const archivePetSchema = z.object({ clinicId: z.uuid(), petId: z.uuid(), archived: z.boolean().default(true) });

export async function archivePet(db: Db, input: z.input<typeof archivePetSchema>): Promise<PetRecord> {
  const { clinicId, petId, archived } = parseWith(archivePetSchema, input);
  const { rows } = await db.query<PetRecord>(
    `update public.pets p set archived_at = case when $3 then coalesce(p.archived_at, now()) end
      where p.clinic_id = $1 and p.id = $2 returning ${petColumns}`,
    [clinicId, petId, archived],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such pet.");
  return row;
}
