// A pet's visits for the staff chart timeline, newest first, paged by keyset (started_at, id). Diagnoses
// come from visit_notes, so RLS leaves them out for callers who may not read clinical notes.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./visit-record";

export const listPetVisitsSchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f-]{36}$/, "Not a valid cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export interface PetVisitItem {
  id: string;
  startedAt: Date;
  reason: string | null;
  weightKg: number | null;
  vetId: string | null;
  finalizedAt: Date | null;
  sharedWithClient: boolean;
  /** Null when the caller may not read clinical notes. */
  diagnoses: string[] | null;
}

export async function listPetVisits(
  db: Db,
  scope: { clinicId: string; petId: string },
  input: z.input<typeof listPetVisitsSchema> = {},
): Promise<{ items: PetVisitItem[]; nextCursor: string | null }> {
  const { clinicId, petId } = parseWith(z.object({ clinicId: idField, petId: idField }), scope);
  const { cursor, limit } = parseWith(listPetVisitsSchema, input);
  const [at, id] = cursor ? cursor.split("|") : [null, null];
  const { rows } = await db.query<PetVisitItem>(
    `select v.id, v.started_at as "startedAt", v.reason, (v.weight_grams / 1000.0)::float8 as "weightKg",
            v.vet_id as "vetId", v.finalized_at as "finalizedAt", v.shared_with_client as "sharedWithClient",
            n.diagnoses
       from public.visits v left join public.visit_notes n on n.visit_id = v.id
      where v.clinic_id = $1 and v.pet_id = $2
        and ($3::timestamptz is null or (v.started_at, v.id) < ($3::timestamptz, $4::uuid))
      order by v.started_at desc, v.id desc
      limit $5`,
    [clinicId, petId, at, id, limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? `${last.startedAt.toISOString()}|${last.id}` : null,
  };
}
