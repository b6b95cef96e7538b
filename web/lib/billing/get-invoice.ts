// One invoice with everything the editor and the print view show: lines, tax per rate, payments, refunds,
// credit notes, the client and the clinic's legal details. Runs under the caller's RLS: staff see their
// clinic's invoices, a client only their own issued ones; anything else is NOT_FOUND.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { rpc } from "@/lib/db/rpc";
import { parseWith } from "@/lib/validation/parse";
import {
  idField,
  toInvoice,
  toPayment,
  toRefund,
  type Invoice,
  type InvoiceRow,
  type LineKind,
  type Payment,
  type PaymentRow,
  type Refund,
  type RefundRow,
} from "./invoice-record";
import "./rpc-types";

export interface InvoiceLine {
  id: string;
  kind: LineKind;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  taxRateId: string | null;
  /** The rate as captured at issue, or the rate's current name/percentage on a draft. */
  taxRateName: string | null;
  taxBasisPoints: number | null;
  amountMinor: number;
  /** How much of the line corrective credit notes have already taken back (in the same price terms). */
  creditedMinor: number;
}

export interface TaxLine {
  basisPoints: number;
  rateName: string;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

export interface CreditNote {
  id: string;
  number: string;
  /** refund: money given back (502); correction: less owed, amounts of lines reversed (550). */
  kind: "refund" | "correction";
  amountMinor: number;
  reason: string;
  issuedAt: Date;
  /** A correction's credited lines, in the invoice's price terms; empty for a refund. */
  lines: { description: string; amountMinor: number; taxRateName: string; taxBasisPoints: number }[];
  /** A correction's tax per rate as stored by SQL; empty for a refund. */
  taxes: TaxLine[];
}

export interface InvoiceDetail {
  invoice: Invoice;
  /** Totals as issued, or computed now from a draft's lines by the same SQL rule. */
  totals: { netMinor: number; taxMinor: number; totalMinor: number };
  lines: InvoiceLine[];
  taxes: TaxLine[];
  payments: Payment[];
  refunds: Refund[];
  creditNotes: CreditNote[];
  client: { id: string; fullName: string; email: string | null; address: string | null };
  clinic: {
    name: string;
    legalName: string | null;
    taxId: string | null;
    legalAddress: string | null;
    email: string | null;
    phone: string | null;
  };
}

export async function getInvoice(db: Db, clinicId: string, invoiceId: string): Promise<InvoiceDetail> {
  const clinic = parseWith(idField, clinicId);
  const id = parseWith(idField, invoiceId);
  const head = await db.query<
    InvoiceRow & {
      client_name: string;
      client_email: string | null;
      client_address: string | null;
      clinic_name: string;
      legal_name: string | null;
      tax_id: string | null;
      legal_address: string | null;
      clinic_email: string | null;
      clinic_phone: string | null;
    }
  >(
    `select i.*, cl.full_name as client_name, cl.email::text as client_email, cl.address as client_address,
            c.name as clinic_name, s.legal_name, s.tax_id, s.legal_address, c.email as clinic_email, c.phone as clinic_phone
       from public.invoices i
       join public.clients cl on cl.id = i.client_id
       join public.clinics c on c.id = i.clinic_id
       left join public.clinic_billing_settings s on s.clinic_id = i.clinic_id
      where i.id = $1 and i.clinic_id = $2`,
    [id, clinic],
  );
  const h = head.rows[0];
  if (!h) throw new AppError("NOT_FOUND", "That invoice does not exist.");
  // one after another: a transaction is one connection, and pg deprecates overlapping queries on it
  const lines = await db.query<InvoiceLine>(
    `select l.id, l.kind, l.description, l.quantity::float8 as quantity, l.unit_price_minor::float8 as "unitPriceMinor",
              l.discount_minor::float8 as "discountMinor", l.tax_rate_id as "taxRateId",
              coalesce(l.tax_rate_name, r.name) as "taxRateName", coalesce(l.tax_basis_points, r.basis_points) as "taxBasisPoints",
              private.line_amount(l.quantity, l.unit_price_minor, l.discount_minor)::float8 as "amountMinor",
              (select coalesce(sum(c.amount_minor), 0) from public.credit_note_lines c where c.invoice_line_id = l.id)::float8 as "creditedMinor"
         from public.invoice_lines l left join public.tax_rates r on r.id = l.tax_rate_id
        where l.invoice_id = $1 order by l.position`,
    [id],
  );
  const taxes = await rpc(db, "invoice_tax_breakdown", { p_invoice_id: id });
  const payments = await db.query<PaymentRow>(
    "select * from public.payments where invoice_id = $1 order by received_at, id",
    [id],
  );
  const refunds = await db.query<RefundRow>(
    "select * from public.refunds where invoice_id = $1 order by refunded_at, id",
    [id],
  );
  const notes = await db.query<CreditNote>(
    `select n.id, n.number, n.kind, n.amount_minor::float8 as "amountMinor", n.reason, n.issued_at as "issuedAt",
            coalesce((select json_agg(json_build_object('description', l.description, 'amountMinor', l.amount_minor,
                        'taxRateName', l.tax_rate_name, 'taxBasisPoints', l.tax_basis_points) order by l.position)
                        from public.credit_note_lines l where l.credit_note_id = n.id), '[]') as lines,
            coalesce((select json_agg(json_build_object('basisPoints', x.basis_points, 'rateName', x.rate_name,
                        'netMinor', x.net_minor, 'taxMinor', x.tax_minor, 'grossMinor', x.gross_minor)
                        order by x.basis_points desc)
                        from public.credit_note_taxes x where x.credit_note_id = n.id), '[]') as taxes
         from public.credit_notes n where n.invoice_id = $1 order by n.seq`,
    [id],
  );
  const taxLines = taxes.map((t) => ({
    basisPoints: t.basis_points,
    rateName: t.rate_name,
    netMinor: Number(t.net_minor),
    taxMinor: Number(t.tax_minor),
    grossMinor: Number(t.gross_minor),
  }));
  const invoice = toInvoice(h);
  const sum = (k: "netMinor" | "taxMinor" | "grossMinor") => taxLines.reduce((a, t) => a + t[k], 0);
  return {
    invoice,
    totals: {
      netMinor: invoice.netMinor ?? sum("netMinor"),
      taxMinor: invoice.taxMinor ?? sum("taxMinor"),
      totalMinor: invoice.totalMinor ?? sum("grossMinor"),
    },
    lines: lines.rows,
    taxes: taxLines,
    payments: payments.rows.map(toPayment),
    refunds: refunds.rows.map(toRefund),
    creditNotes: notes.rows,
    client: { id: h.client_id, fullName: h.client_name, email: h.client_email, address: h.client_address },
    clinic: {
      name: h.clinic_name,
      legalName: h.legal_name,
      taxId: h.tax_id,
      legalAddress: h.legal_address,
      email: h.clinic_email,
      phone: h.clinic_phone,
    },
  };
}
