// Staff create a draft invoice for a client. The same SQL entry point (public.create_invoice) will take the
// charges of a visit, a store order or a subscription period, named by source + sourceRef so that a repeat
// returns the same invoice.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField, oneRow, toInvoice, type Invoice } from "./invoice-record";
import { invoiceLinesField, linesToJson } from "./invoice-lines";
import "./rpc-types";

export const createInvoiceSchema = z.strictObject({
  clientId: idField,
  lines: invoiceLinesField.default([]),
  notes: z.string().trim().max(2000, "At most 2000 characters").nullable().optional(),
});
export type CreateInvoiceInput = z.input<typeof createInvoiceSchema>;

const scopeSchema = z.object({
  clinicId: idField,
  source: z.enum(["manual", "visit", "order", "subscription"]).default("manual"),
  sourceRef: z.string().min(1).max(200).nullable().optional(),
});

export async function createInvoice(
  db: Db,
  scope: z.input<typeof scopeSchema>,
  input: CreateInvoiceInput,
): Promise<Invoice> {
  const { clinicId, source, sourceRef } = parseWith(scopeSchema, scope);
  const d = parseWith(createInvoiceSchema, input);
  const row = await oneRow(
    rpc(db, "create_invoice", {
      p_clinic_id: clinicId,
      p_client_id: d.clientId,
      p_lines: linesToJson(d.lines),
      p_source: source,
      p_source_ref: sourceRef ?? null,
      p_notes: d.notes ?? null,
    }),
    "create_invoice",
  );
  return toInvoice(row);
}
