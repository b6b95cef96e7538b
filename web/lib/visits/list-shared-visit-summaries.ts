// What a client may read of their pet's visits: the summary and discharge instructions a vet shared, on
// signed visits. The SQL function returns only those columns; nothing else is selected here.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import "./rpc-types";
import { idField } from "./visit-record";

export interface SharedVisitSummary {
  visitId: string;
  startedAt: Date;
  vetName: string | null;
  summary: string | null;
  dischargeInstructions: string | null;
}

export async function listSharedVisitSummaries(
  db: Db,
  scope: { clinicId: string; petId: string },
): Promise<SharedVisitSummary[]> {
  const { clinicId, petId } = parseWith(z.object({ clinicId: idField, petId: idField }), scope);
  const rows = await rpc(db, "list_shared_visit_summaries", { p_clinic_id: clinicId, p_pet_id: petId });
  return rows.map((r) => ({
    visitId: r.visit_id,
    startedAt: r.started_at,
    vetName: r.vet_name,
    summary: r.summary,
    dischargeInstructions: r.discharge_instructions,
  }));
}
