// Prices are stored in minor units (price_cents) with the clinic's currency; showing and entering them must
// use that currency's own number of decimals, not a fixed 2 (a clinic in Japan or Kuwait).
import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits } from "@/app/[clinic]/portal/book/_components/zoned";

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
});
