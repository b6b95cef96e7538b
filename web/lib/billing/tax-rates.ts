// The shape of a clinic's tax rates and the SQL that reads them (percentages travel as basis points: 2100 = 21%).
export interface TaxRate {
  id: string;
  name: string;
  basisPoints: number;
  archived: boolean;
}

export const taxRateColumns = `r.id, r.name, r.basis_points as "basisPoints", (r.archived_at is not null) as archived`;
