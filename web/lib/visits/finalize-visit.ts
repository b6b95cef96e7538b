// A clinician signs a visit; public.finalize_visit freezes it (and completes its appointment).
import "server-only";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import "./rpc-types";
import { toVisit, type Visit } from "./visit-record";
import { visitScopeSchema, type VisitScope } from "./visit-scope";

export async function finalizeVisit(db: Db, scope: VisitScope): Promise<Visit> {
  const { clinicId, visitId } = parseWith(visitScopeSchema, scope);
  // the clinic in the URL must be the visit's clinic, even for someone on the staff of both
  const inClinic = await db.query("select 1 from public.visits where clinic_id = $1 and id = $2", [clinicId, visitId]);
  if (!inClinic.rowCount) throw new AppError("NOT_FOUND", "No such visit.");
  const row = await rpcOne(db, "finalize_visit", { p_visit_id: visitId });
  if (!row) throw new AppError("NOT_FOUND", "No such visit.");
  return toVisit(row);
}
