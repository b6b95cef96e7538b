// Billing test data: tax rates and the clinic's tax mode are arranged through the owner connection; invoices
// are created and issued through the use-cases as a staff member (withUser), like the routes do.
import { createInvoice } from "@/lib/billing/create-invoice";
import type { InvoiceLineInput } from "@/lib/billing/invoice-lines";
import type { Invoice } from "@/lib/billing/invoice-record";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { withUser } from "@/lib/db/context";
import type { TestUser } from "./factories";
import { testPool } from "./factories";

export async function createTaxRate(clinicId: string, basisPoints: number, name?: string): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.tax_rates (clinic_id, name, basis_points) values ($1, $2, $3) returning id",
    [clinicId, name ?? `Rate ${basisPoints} ${Math.random().toString(36).slice(2, 7)}`, basisPoints],
  );
  return rows[0]!.id;
}

export async function setPricesIncludeTax(clinicId: string, included: boolean): Promise<void> {
  await testPool().query("update public.clinic_billing_settings set prices_include_tax = $2 where clinic_id = $1", [
    clinicId,
    included,
  ]);
}

/** A service line of `unitPriceMinor` at the given rate (quantity 1 unless given). */
export function line(
  taxRateId: string,
  unitPriceMinor: number,
  extra: Partial<InvoiceLineInput> = {},
): InvoiceLineInput {
  return { kind: "service", description: "Consultation", quantity: 1, unitPriceMinor, taxRateId, ...extra };
}

export function draftAs(
  staff: TestUser,
  clinicId: string,
  clientId: string,
  lines: InvoiceLineInput[],
): Promise<Invoice> {
  return withUser(staff, (db) => createInvoice(db, { clinicId }, { clientId, lines }));
}

export async function issuedAs(
  staff: TestUser,
  clinicId: string,
  clientId: string,
  lines: InvoiceLineInput[],
): Promise<Invoice> {
  const draft = await draftAs(staff, clinicId, clientId, lines);
  return withUser(staff, (db) => issueInvoice(db, draft.id));
}
