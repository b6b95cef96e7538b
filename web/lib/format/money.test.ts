// Prices are stored in minor units (price_cents) with the clinic's currency; showing and entering them must
// use that currency's own number of decimals, not a fixed 2 (a clinic in Japan or Kuwait).
import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits, minorUnitsToInput, toMinorUnits } from "./money";

describe("money in minor units", () => {
  it("knows each currency's decimals", () => {
    expect(minorUnitDigits("EUR")).toBe(2);
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(minorUnitDigits("not-a-currency")).toBe(2);
  });

  it("formats 4500 minor units as 45 euros, 4,500 yen and 4.5 dinars", () => {
    expect(formatMoney(4500, "EUR", "en")).toBe("€45.00");
    expect(formatMoney(4500, "JPY", "en")).toBe("¥4,500");
    expect(formatMoney(4500, "KWD", "en").replace(/\s/g, " ")).toBe("KWD 4.500");
  });

  it("formats in the reader's language", () => {
    expect(formatMoney(4550, "EUR", "es").replace(/\s/g, " ")).toBe("45,50 €");
  });

  it("turns a typed price into minor units with the currency's decimals", () => {
    expect(toMinorUnits(45.5, "EUR")).toBe(4550);
    expect(toMinorUnits(4500, "JPY")).toBe(4500);
    expect(toMinorUnits(4.5, "KWD")).toBe(4500);
    // 0.1 + 0.2 style float noise must not lose a cent
    expect(toMinorUnits(19.99, "EUR")).toBe(1999);
    expect(toMinorUnits(1.005 * 100, "EUR")).toBe(10050);
  });

  it("shows minor units in an input as a plain number that reads back to the same amount", () => {
    expect(minorUnitsToInput(4550, "EUR")).toBe("45.50");
    expect(minorUnitsToInput(4500, "JPY")).toBe("4500");
    expect(minorUnitsToInput(4500, "KWD")).toBe("4.500");
    for (const [minor, currency] of [
      [1999, "EUR"],
      [7, "JPY"],
      [12345, "KWD"],
    ] as const) {
      expect(toMinorUnits(Number(minorUnitsToInput(minor, currency)), currency)).toBe(minor);
    }
  });
});
