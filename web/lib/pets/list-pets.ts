// Pets visible to the caller in one clinic: a client sees their own (RLS), staff see the clinic's, optionally
// one client's. Paginated with explicit limit/offset and a total, so nothing is silently truncated.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { petColumns, type PetRecord } from "./pet-record";

export const listPetsSchema = z.object({
  clinicId: z.uuid(),
  clientId: z.uuid().optional(),
  includeArchived: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).default(false),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListPetsInput = z.input<typeof listPetsSchema>;

export interface PetListItem extends PetRecord {
  clientName: string;
}

export interface PetPage {
  items: PetListItem[];
  total: number;
  limit: number;
  offset: number;
}

export async function listPets(db: Db, input: ListPetsInput): Promise<PetPage> {
  const { clinicId, clientId, includeArchived, limit, offset } = parseWith(listPetsSchema, input);
  const params: unknown[] = [clinicId];
  let where = "p.clinic_id = $1";
  if (clientId) {
    params.push(clientId);
    where += ` and p.client_id = $${params.length}`;
  }
  if (!includeArchived) where += " and p.archived_at is null";
  const count = await db.query<{ total: number }>(
    `select count(*)::int as total from public.pets p where ${where}`,
    params,
  );
  const { rows } = await db.query<PetListItem>(
    `select ${petColumns}, c.full_name as "clientName"
       from public.pets p join public.clients c on c.id = p.client_id
      where ${where}
      order by p.archived_at nulls first, p.name, p.id
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { items: rows, total: count.rows[0]?.total ?? 0, limit, offset };
}
