// A clinician edits an open visit: reason, vitals, weight, summary, discharge instructions, sharing, and the
// SOAP notes and diagnoses. RLS decides who may (clinicians of the clinic); the triggers refuse any change
// once the visit is finalized, so this never checks that itself.
import "server-only";
import { z } from "zod";
import { buildAssignments } from "@/lib/clients/client-record";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { visitFields } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

export const updateVisitSchema = z.strictObject(visitFields);
export type UpdateVisitInput = z.input<typeof updateVisitSchema>;

const visitColumnNames = {
  reason: "reason",
  weightGrams: "weight_grams",
  temperatureC: "temperature_c",
  heartRateBpm: "heart_rate_bpm",
  respiratoryRate: "respiratory_rate",
  summary: "summary",
  dischargeInstructions: "discharge_instructions",
  sharedWithClient: "shared_with_client",
} as const;

const noteColumnNames = {
  subjective: "subjective",
  objective: "objective",
  assessment: "assessment",
  plan: "plan",
  diagnoses: "diagnoses",
} as const;

export async function updateVisit(db: Db, scope: VisitScope, input: UpdateVisitInput): Promise<void> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  const { weightKg, subjective, objective, assessment, plan, diagnoses, ...rest } = parseWith(updateVisitSchema, input);
  const weightGrams = weightKg === undefined || weightKg === null ? weightKg : Math.max(1, Math.round(weightKg * 1000));
  const params: unknown[] = [clinicId, visitId];
  const sets = buildAssignments({ ...rest, weightGrams }, visitColumnNames, params);
  // Always touch the visit row, even for notes only: its policy and its finalized guard answer for the visit.
  if (!sets.length) sets.push("reason = v.reason");
  const updated = await db.query(
    `update public.visits v set ${sets.join(", ")} where v.clinic_id = $1 and v.id = $2 returning v.id`,
    params,
  );
  if (!updated.rowCount) {
    const seen = await db.query("select 1 from public.visits where clinic_id = $1 and id = $2", [clinicId, visitId]);
    if (seen.rowCount) throw new AppError("FORBIDDEN", "Only the clinic's vets can write visit notes.");
    throw new AppError("NOT_FOUND", "No such visit.");
  }
  const noteParams: unknown[] = [visitId];
  const noteSets = buildAssignments(
    { subjective, objective, assessment, plan, diagnoses },
    noteColumnNames,
    noteParams,
  );
  if (noteSets.length) {
    await db.query(`update public.visit_notes n set ${noteSets.join(", ")} where n.visit_id = $1`, noteParams);
  }
}
