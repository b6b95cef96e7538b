// Staff search their clinic's clients by name, email or phone. Paginated with an explicit limit and offset,
// and the total is always returned, so a list is never silently cut short.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { clientColumns, type ClientRecord } from "./client-record";

export const listClientsSchema = z.object({
  clinicId: z.uuid(),
  q: z.string().trim().max(120).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListClientsInput = z.input<typeof listClientsSchema>;

export interface ClientListItem extends ClientRecord {
  /** Names of the client's active pets, alphabetical. */
  petNames: string[];
}

export interface ClientPage {
  items: ClientListItem[];
  total: number;
  limit: number;
  offset: number;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export async function listClients(db: Db, input: ListClientsInput): Promise<ClientPage> {
  const { clinicId, q, limit, offset } = parseWith(listClientsSchema, input);
  const params: unknown[] = [clinicId];
  let where = "c.clinic_id = $1";
  if (q) {
    params.push(likePattern(q));
    where += ` and (c.full_name ilike $2 or c.email::text ilike $2 or c.phone ilike $2)`;
  }
  const count = await db.query<{ total: number }>(
    `select count(*)::int as total from public.clients c where ${where}`,
    params,
  );
  const { rows } = await db.query<ClientListItem>(
    `select ${clientColumns},
            array(select p.name from public.pets p where p.client_id = c.id and p.archived_at is null order by p.name) as "petNames"
       from public.clients c where ${where}
      order by c.full_name, c.id
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { items: rows, total: count.rows[0]?.total ?? 0, limit, offset };
}
