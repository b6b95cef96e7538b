// The invoices made from a visit: at most one live (draft or issued) and any voided before it. The visit page
// links to the live one, lists the voided ones with their reason, and offers "Invoice again" when none is live.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";

const scopeSchema = z.object({ clinicId: idField, visitId: idField });

export type VisitInvoice = { id: string; number: string | null; status: string; voidReason: string | null };

export async function listVisitInvoices(
  db: Db,
  scope: z.input<typeof scopeSchema>,
): Promise<{ live: VisitInvoice | null; voided: VisitInvoice[] }> {
  const { clinicId, visitId } = parseWith(scopeSchema, scope);
  const { rows } = await db.query<VisitInvoice>(
    `select id, number, status, void_reason as "voidReason" from public.invoices
      where clinic_id = $1 and source = 'visit' and source_ref = $2
      order by created_at desc, id desc`,
    [clinicId, visitId],
  );
  return { live: rows.find((r) => r.status !== "void") ?? null, voided: rows.filter((r) => r.status === "void") };
}
