// The clinic's billing settings (legal details printed on invoices, whether prices include tax).
export interface BillingSettings {
  pricesIncludeTax: boolean;
  legalName: string | null;
  taxId: string | null;
  legalAddress: string | null;
}

export const billingSettingsColumns = `s.prices_include_tax as "pricesIncludeTax", s.legal_name as "legalName",
  s.tax_id as "taxId", s.legal_address as "legalAddress"`;
