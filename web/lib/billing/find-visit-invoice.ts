// The invoice made from a visit, if any: the visit page links to it instead of offering "Create invoice".
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";

const scopeSchema = z.object({ clinicId: idField, visitId: idField });

export async function findVisitInvoice(
  db: Db,
  scope: z.input<typeof scopeSchema>,
): Promise<{ id: string; number: string | null; status: string } | null> {
  const { clinicId, visitId } = parseWith(scopeSchema, scope);
  const { rows } = await db.query<{ id: string; number: string | null; status: string }>(
    `select id, number, status from public.invoices where clinic_id = $1 and source = 'visit' and source_ref = $2`,
    [clinicId, visitId],
  );
  return rows[0] ?? null;
}
