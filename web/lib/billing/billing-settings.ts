// The clinic's billing settings (legal details printed on invoices, whether prices include tax).
export interface BillingSettings {
  pricesIncludeTax: boolean;
  legalName: string | null;
  taxId: string | null;
  legalAddress: string | null;
  /** The rate lines without a tax class of their own take (visit charges); null until chosen. */
  defaultTaxRateId: string | null;
}

export const billingSettingsColumns = `s.prices_include_tax as "pricesIncludeTax", s.legal_name as "legalName",
  s.tax_id as "taxId", s.legal_address as "legalAddress", s.default_tax_rate_id as "defaultTaxRateId"`;
