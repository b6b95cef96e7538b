// Staff list their clinic's invoices, newest first, filtered by status, client and date (the issue date, or
// the creation date of a draft, in the clinic's zone), one keyset page at a time (?cursor=&limit=).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { decodeInvoiceCursor, encodeInvoiceCursor } from "./invoice-cursor";
import { idField, invoiceStatuses, toInvoice, type Invoice, type InvoiceRow } from "./invoice-record";

const dateField = z.iso.date("Use YYYY-MM-DD");

export const listInvoicesSchema = z.object({
  status: z.enum(invoiceStatuses).optional(),
  clientId: idField.optional(),
  from: dateField.optional(),
  to: dateField.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListInvoicesInput = z.input<typeof listInvoicesSchema>;

export interface InvoiceListItem extends Invoice {
  clientName: string;
  /** The total as issued, or a draft's total as its lines stand now. */
  amountMinor: number;
}

export interface InvoicePage {
  items: InvoiceListItem[];
  nextCursor: string | null;
}

/** Columns of public.invoices for toInvoice, plus what a list row shows; the table is aliased `i`. */
export const invoiceListColumns = `i.*, cl.full_name as client_name,
  coalesce(i.total_minor, (select coalesce(sum(b.gross_minor), 0) from public.invoice_tax_breakdown(i.id) b)) as amount_minor,
  (i.created_at at time zone 'UTC')::text as cursor_at`;

type ListRow = InvoiceRow & { client_name: string; amount_minor: number | string; cursor_at: string };

/** Turns limit+1 fetched rows into a page and the cursor of its last row. */
export function toInvoicePage(rows: ListRow[], limit: number): InvoicePage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...toInvoice(r), clientName: r.client_name, amountMinor: Number(r.amount_minor) })),
    nextCursor: rows.length > limit && last ? encodeInvoiceCursor({ createdAt: last.cursor_at, id: last.id }) : null,
  };
}

export async function listInvoices(db: Db, clinicId: string, input: ListInvoicesInput): Promise<InvoicePage> {
  const clinic = parseWith(idField, clinicId);
  const q = parseWith(listInvoicesSchema, input);
  const params: unknown[] = [clinic];
  const where = ["i.clinic_id = $1"];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (q.status) add((n) => `i.status = $${n}`, q.status);
  if (q.clientId) add((n) => `i.client_id = $${n}`, q.clientId);
  if (q.from)
    add((n) => `coalesce(i.issued_at, i.created_at) >= ($${n}::date::timestamp at time zone c.time_zone)`, q.from);
  if (q.to)
    add((n) => `coalesce(i.issued_at, i.created_at) < (($${n}::date + 1)::timestamp at time zone c.time_zone)`, q.to);
  if (q.cursor) {
    const c = decodeInvoiceCursor(q.cursor);
    params.push(c.createdAt, c.id);
    where.push(
      `(i.created_at, i.id) < (($${params.length - 1})::timestamp at time zone 'UTC', $${params.length}::uuid)`,
    );
  }
  params.push(q.limit + 1);
  const { rows } = await db.query<ListRow>(
    `select ${invoiceListColumns}
       from public.invoices i
       join public.clients cl on cl.id = i.client_id
       join public.clinics c on c.id = i.clinic_id
      where ${where.join(" and ")}
      order by i.created_at desc, i.id desc
      limit $${params.length}`,
    params,
  );
  return toInvoicePage(rows, q.limit);
}
