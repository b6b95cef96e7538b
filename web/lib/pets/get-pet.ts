// One pet, if the caller may see it (its owner, or staff of its clinic); otherwise not found.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { petColumns, type PetRecord } from "./pet-record";

const getPetSchema = z.object({ clinicId: z.uuid(), petId: z.uuid() });

export async function getPet(db: Db, input: z.input<typeof getPetSchema>): Promise<PetRecord & { clientName: string }> {
  const { clinicId, petId } = parseWith(getPetSchema, input);
  const { rows } = await db.query<PetRecord & { clientName: string }>(
    `select ${petColumns}, c.full_name as "clientName"
       from public.pets p join public.clients c on c.id = p.client_id
      where p.clinic_id = $1 and p.id = $2`,
    [clinicId, petId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such pet.");
  return row;
}
