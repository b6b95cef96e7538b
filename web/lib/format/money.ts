// Money is stored as integer minor units (the *_cents columns) with the clinic's ISO currency; these turn it
// into text and back using that currency's own number of decimals.

/** Digits after the decimal point of a currency's minor unit: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** An amount stored in minor units (the *_cents columns) as money in the reader's language. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** minorUnitDigits(currency));
}

/** A price typed in whole units (45.5 euros) as minor units (4550), rounded to the currency's smallest unit. */
export function toMinorUnits(units: number, currency: string): number {
  return Math.round(units * 10 ** minorUnitDigits(currency));
}

/** Minor units as the plain number an input shows for editing ("45.50", "4500" yen), no symbol or grouping. */
export function minorUnitsToInput(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}
