// The shapes of invoices, lines, payments and refunds as use-cases return them, and the rows SQL hands back.
// Money is integer minor units of the invoice's currency; bigint columns arrive as numbers (web/lib/db/pool).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { PaymentMethod } from "./rpc-types";

export type InvoiceStatus = "draft" | "issued" | "partially_paid" | "paid" | "void";
export const invoiceStatuses = ["draft", "issued", "partially_paid", "paid", "void"] as const;
export type LineKind = "service" | "product" | "text";

export const idField = z.uuid("Not a valid id");

/** A public.invoices row as the SQL functions return it. */
export interface InvoiceRow {
  id: string;
  clinic_id: string;
  client_id: string;
  status: InvoiceStatus;
  currency: string;
  prices_include_tax: boolean;
  source: string;
  source_ref: string | null;
  notes: string | null;
  number: string | null;
  issued_at: Date | null;
  net_minor: number | string | null;
  tax_minor: number | string | null;
  total_minor: number | string | null;
  credited_minor: number | string;
  paid_minor: number | string;
  refunded_minor: number | string;
  void_reason: string | null;
  voided_at: Date | null;
  created_at: Date;
}

export interface Invoice {
  id: string;
  clinicId: string;
  clientId: string;
  status: InvoiceStatus;
  currency: string;
  pricesIncludeTax: boolean;
  number: string | null;
  issuedAt: Date | null;
  notes: string | null;
  /** Null while a draft (the draft's totals are computed live by getInvoice). */
  totalMinor: number | null;
  netMinor: number | null;
  taxMinor: number | null;
  creditedMinor: number;
  paidMinor: number;
  refundedMinor: number;
  /** What is still owed: total - credited - (paid - refunded); null for a draft. */
  balanceMinor: number | null;
  voidReason: string | null;
  voidedAt: Date | null;
  createdAt: Date;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toInvoice(r: InvoiceRow): Invoice {
  const total = num(r.total_minor);
  const credited = Number(r.credited_minor);
  const paid = Number(r.paid_minor);
  const refunded = Number(r.refunded_minor);
  return {
    id: r.id,
    clinicId: r.clinic_id,
    clientId: r.client_id,
    status: r.status,
    currency: r.currency,
    pricesIncludeTax: r.prices_include_tax,
    number: r.number,
    issuedAt: r.issued_at,
    notes: r.notes,
    totalMinor: total,
    netMinor: num(r.net_minor),
    taxMinor: num(r.tax_minor),
    creditedMinor: credited,
    paidMinor: paid,
    refundedMinor: refunded,
    balanceMinor: total === null ? null : total - credited - (paid - refunded),
    voidReason: r.void_reason,
    voidedAt: r.voided_at,
    createdAt: r.created_at,
  };
}

export interface PaymentRow {
  id: string;
  clinic_id: string;
  invoice_id: string;
  method: PaymentMethod;
  amount_minor: number | string;
  currency: string;
  refunded_minor: number | string;
  reference: string | null;
  received_at: Date;
}

export interface Payment {
  id: string;
  invoiceId: string;
  method: PaymentMethod;
  amountMinor: number;
  refundedMinor: number;
  currency: string;
  reference: string | null;
  receivedAt: Date;
}

export function toPayment(r: PaymentRow): Payment {
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    method: r.method,
    amountMinor: Number(r.amount_minor),
    refundedMinor: Number(r.refunded_minor),
    currency: r.currency,
    reference: r.reference,
    receivedAt: r.received_at,
  };
}

export interface RefundRow {
  id: string;
  invoice_id: string;
  payment_id: string;
  credit_note_id: string;
  amount_minor: number | string;
  reason: string;
  refunded_at: Date;
}

export interface Refund {
  id: string;
  invoiceId: string;
  paymentId: string;
  creditNoteId: string;
  amountMinor: number;
  reason: string;
  refundedAt: Date;
}

export function toRefund(r: RefundRow): Refund {
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    paymentId: r.payment_id,
    creditNoteId: r.credit_note_id,
    amountMinor: Number(r.amount_minor),
    reason: r.reason,
    refundedAt: r.refunded_at,
  };
}

/** A public.credit_notes row (kind 'refund' from a refund, 'correction' from issue_credit_note). */
export interface CreditNoteRow {
  id: string;
  invoice_id: string;
  number: string;
  kind: "refund" | "correction";
  amount_minor: number | string;
  currency: string;
  reason: string;
  issued_at: Date;
}

export interface IssuedCreditNote {
  id: string;
  invoiceId: string;
  number: string;
  kind: "refund" | "correction";
  amountMinor: number;
  currency: string;
  reason: string;
  issuedAt: Date;
}

export function toCreditNote(r: CreditNoteRow): IssuedCreditNote {
  return {
    id: r.id,
    invoiceId: r.invoice_id,
    number: r.number,
    kind: r.kind,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    reason: r.reason,
    issuedAt: r.issued_at,
  };
}

export async function oneRow<T>(call: Promise<T[]>, what: string): Promise<T> {
  const row = (await call)[0];
  if (!row) throw new AppError("INTERNAL", `${what} returned no row.`);
  return row;
}

/** An idempotency key as sent in the Idempotency-Key header or the body (8-200 printable characters). */
export const idempotencyKeyField = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{8,200}$/, "Use 8-200 printable characters without spaces");
