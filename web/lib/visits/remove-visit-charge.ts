// A clinician removes a charge from an open visit (the finalized guard refuses it on a signed visit).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

const chargeIdSchema = idField;

export async function removeVisitCharge(db: Db, scope: VisitScope, chargeId: string): Promise<void> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  const id = parseWith(z.object({ chargeId: chargeIdSchema }), { chargeId }).chargeId;
  const { rowCount } = await db.query(
    "delete from public.visit_charges where clinic_id = $1 and visit_id = $2 and id = $3",
    [clinicId, visitId, id],
  );
  if (!rowCount) throw new AppError("NOT_FOUND", "No such charge on this visit.");
}
