// What a client owes on one of their invoices, read under their own RLS: the remaining balance, in the
// invoice's currency, for an issued or partially paid invoice of this client only. The amount for a
// PaymentIntent comes from here, never from the browser.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { Payable } from "@/lib/stripe/payment-targets";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./invoice-record";

export async function loadInvoicePayable(db: Db, clientId: string, invoiceId: string): Promise<Payable> {
  const id = parseWith(idField, invoiceId);
  const { rows } = await db.query<{
    clinic_id: string;
    currency: string;
    number: string | null;
    status: string;
    balance: number | string;
  }>(
    `select i.clinic_id, i.currency, i.number, i.status,
            i.total_minor - i.credited_minor - (i.paid_minor - i.refunded_minor) as balance
       from public.invoices i where i.id = $1 and i.client_id = $2`,
    [id, clientId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That invoice does not exist.");
  const balance = Number(row.balance);
  if ((row.status !== "issued" && row.status !== "partially_paid") || !(balance > 0)) {
    throw new AppError("CONFLICT", "There is nothing left to pay on this invoice.");
  }
  return {
    target: { kind: "invoice", id },
    clinicId: row.clinic_id,
    amountCents: balance,
    currency: row.currency,
    description: row.number ? `Invoice ${row.number}` : undefined,
  };
}
