// Staff turn a signed visit's charges into a draft invoice for the pet's owner. The SQL names the visit as the
// invoice's source, so a second click (or two at once) returns the same invoice instead of a second one.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toInvoice, type Invoice } from "./invoice-record";
import "./rpc-types";

const scopeSchema = z.object({ clinicId: idField, visitId: idField });

export async function createInvoiceFromVisit(db: Db, scope: z.input<typeof scopeSchema>): Promise<Invoice> {
  const { clinicId, visitId } = parseWith(scopeSchema, scope);
  // the clinic in the URL must be the visit's clinic, even for someone on the staff of both
  const inClinic = await db.query("select 1 from public.visits where clinic_id = $1 and id = $2", [clinicId, visitId]);
  if (!inClinic.rowCount) throw new AppError("NOT_FOUND", "No such visit.");
  const row = await oneRow(rpc(db, "create_invoice_from_visit", { p_visit_id: visitId }), "create_invoice_from_visit");
  return toInvoice(row);
}
