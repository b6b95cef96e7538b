// Demo billing setup: the demo clinic's legal details and three tax rates (21%, 10% and exempt), so invoices
// can be written straight away. Idempotent: rates are keyed on (clinic, name), details only filled when empty.
import type { Client } from "pg";

export async function seedBilling(db: Client, clinicId: string): Promise<void> {
  await db.query(
    `update public.clinic_billing_settings
        set legal_name = coalesce(legal_name, 'Vete Demo Clinic S.L.'), tax_id = coalesce(tax_id, 'B00000000'),
            legal_address = coalesce(legal_address, 'Calle Mayor 1, 28013 Madrid, Spain')
      where clinic_id = $1`,
    [clinicId],
  );
  await db.query(
    `insert into public.tax_rates (clinic_id, name, basis_points)
     values ($1, 'VAT 21%', 2100), ($1, 'VAT 10%', 1000), ($1, 'Exempt', 0)
     on conflict (clinic_id, name) do nothing`,
    [clinicId],
  );
  // visit charges are invoiced at the default rate
  await db.query(
    `update public.clinic_billing_settings s
        set default_tax_rate_id = coalesce(s.default_tax_rate_id,
          (select r.id from public.tax_rates r where r.clinic_id = s.clinic_id and r.name = 'VAT 21%'))
      where s.clinic_id = $1`,
    [clinicId],
  );
}
