// A pet's weight history for the chart (oldest first). Bounded: a pet weighed at every visit for decades
// stays far below the limit.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./visit-record";

export interface WeightEntry {
  id: string;
  visitId: string | null;
  measuredAt: Date;
  weightKg: number;
}

export async function listPetWeights(db: Db, scope: { clinicId: string; petId: string }): Promise<WeightEntry[]> {
  const { clinicId, petId } = parseWith(z.object({ clinicId: idField, petId: idField }), scope);
  const { rows } = await db.query<WeightEntry>(
    `select w.id, w.visit_id as "visitId", w.measured_at as "measuredAt", (w.weight_grams / 1000.0)::float8 as "weightKg"
       from public.pet_weights w where w.clinic_id = $1 and w.pet_id = $2
      order by w.measured_at desc limit 500`,
    [clinicId, petId],
  );
  return rows.reverse();
}
