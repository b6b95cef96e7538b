// A client's own invoices at one clinic, newest first, keyset-paged. RLS shows a client only their own
// issued invoices (never drafts); the client id comes from their session's standing, never from input.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { decodeInvoiceCursor } from "./invoice-cursor";
import { idField } from "./invoice-record";
import { invoiceListColumns, toInvoicePage, type InvoicePage } from "./list-invoices";

export const listMyInvoicesSchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export async function listMyInvoices(
  db: Db,
  clientId: string,
  input: z.input<typeof listMyInvoicesSchema>,
): Promise<InvoicePage> {
  const client = parseWith(idField, clientId);
  const q = parseWith(listMyInvoicesSchema, input);
  const params: unknown[] = [client];
  let keyset = "";
  if (q.cursor) {
    const c = decodeInvoiceCursor(q.cursor);
    params.push(c.createdAt, c.id);
    keyset = `and (i.created_at, i.id) < (($2)::timestamp at time zone 'UTC', $3::uuid)`;
  }
  params.push(q.limit + 1);
  const { rows } = await db.query<Parameters<typeof toInvoicePage>[0][number]>(
    `select ${invoiceListColumns}
       from public.invoices i join public.clients cl on cl.id = i.client_id
      where i.client_id = $1 and i.status <> 'draft' ${keyset}
      order by i.created_at desc, i.id desc
      limit $${params.length}`,
    params,
  );
  return toInvoicePage(rows, q.limit);
}
