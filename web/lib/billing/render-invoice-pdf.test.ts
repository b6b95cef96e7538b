// Invoice PDFs print what a clinic types in any European script: names, lines and notes in Polish, Czech,
// Turkish, Greek and Cyrillic are read back exactly by pdf.js (an independent reader), an emoji the font lacks
// becomes one visible placeholder instead of a crash, and the embedded font is a subset, so the file stays small.
// With the standard Helvetica font (WinAnsi only) every non-Latin-1 letter here came out as "?".
import { describe, expect, it } from "vitest";
import {
  CYRILLIC_LINE,
  CZECH_CLIENT,
  GREEK_LINE,
  ID,
  invoiceDetail,
  issuedAt,
  LIGATURE_LINE,
  line,
  NOTE,
  POLISH_ADDRESS,
  POLISH_CLINIC,
  SYMBOL_LINE,
  TAX_NAME,
  TURKISH_ADDRESS,
  unicodeInvoiceDetail,
} from "@/tests/helpers/invoice-detail-fixtures";
import { pdfText } from "@/tests/helpers/pdf-text";
import type { CreditNote, InvoiceDetail } from "./get-invoice";
import { PLACEHOLDER, printable } from "./pdf-fonts";
import { renderInvoicePdf } from "./render-invoice-pdf";

async function render(d: InvoiceDetail, creditNoteId?: string) {
  const bytes = await renderInvoicePdf(d, { locale: "en", timeZone: "Europe/Warsaw", creditNoteId });
  return { bytes, text: (await pdfText(bytes)).join(" ") };
}

describe("invoice PDF text in any script", () => {
  it("reads back Polish, Czech, Turkish, Greek and Cyrillic names, lines and notes exactly", async () => {
    const { text } = await render(unicodeInvoiceDetail());
    for (const s of [
      POLISH_CLINIC,
      "Klinika Łódź",
      POLISH_ADDRESS,
      CZECH_CLIENT,
      TURKISH_ADDRESS,
      GREEK_LINE,
      CYRILLIC_LINE,
      SYMBOL_LINE,
      LIGATURE_LINE,
      `${TAX_NAME} (24%)`,
      NOTE,
      "Pamiętaj o szczepieniu",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("draws an emoji the font lacks as one visible placeholder per character, and never throws", async () => {
    const { text } = await render(unicodeInvoiceDetail());
    // 🐶 and the family emoji (seven code points joined) are not in the font: one placeholder each
    expect(text).toContain(`Pamiętaj o szczepieniu ${PLACEHOLDER} i ${PLACEHOLDER}`);
    expect(text).toContain(`Nota: paciente tranquilo ${PLACEHOLDER}, sin incidencias`);
    expect(text).not.toContain("🐶");
  });

  it("prints a credit note whose reason, lines and tax rate are in Cyrillic and Greek", async () => {
    const note: CreditNote = {
      id: ID,
      number: "CN-2026-000007",
      kind: "correction",
      amountMinor: 1240,
      reason: "Возврат — επιστροφή",
      issuedAt,
      lines: [{ description: CYRILLIC_LINE, amountMinor: 1000, taxRateName: TAX_NAME, taxBasisPoints: 2400 }],
      taxes: [{ basisPoints: 2400, rateName: TAX_NAME, netMinor: 1000, taxMinor: 240, grossMinor: 1240 }],
    };
    const { text } = await render({ ...unicodeInvoiceDetail(), creditNotes: [note] }, note.id);
    expect(text).toContain("Credit note CN-2026-000007");
    expect(text).toContain("Возврат — επιστροφή");
    expect(text).toContain(CYRILLIC_LINE);
    expect(text).toContain(`${TAX_NAME} (24%)`);
    expect(text).toContain(CZECH_CLIENT);
  });

  it("cuts an over-long line on a whole character, never inside an emoji", async () => {
    const long = `${"Ωμέγα ".repeat(12)}😀😀😀😀😀😀😀😀`;
    const { text } = await render(invoiceDetail({ lines: [line(long)] }));
    const drawn = text.match(/Ωμέγα[^…]*…/u)?.[0] ?? "";
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(long.length);
    expect(long.startsWith(drawn.slice(0, -1))).toBe(true);
    expect(text).not.toContain(PLACEHOLDER);
  });

  it("reads back a document exactly after another one used the shared fonts", async () => {
    // the first document's subset builds "Ğ" from the "G" glyph (and more letters alike); the others type "G"
    const [first, second] = await Promise.all([render(unicodeInvoiceDetail()), render(invoiceDetail())]);
    expect(first.text).toContain(TURKISH_ADDRESS);
    expect(second.text).toContain("Bill to Ana García Calle Sol 3, Madrid");
    expect((await render(invoiceDetail())).text).toContain("Bill to Ana García Calle Sol 3, Madrid");
  });

  it("keeps the file small: the fonts are embedded as subsets", async () => {
    const typical = (await render(invoiceDetail())).bytes.length;
    const unicode = (await render(unicodeInvoiceDetail())).bytes.length;
    // the two font files are 1.4 MB; a subset of what an invoice uses is a few tens of kilobytes
    expect(typical).toBeLessThan(80_000);
    expect(unicode).toBeLessThan(120_000);
  });
});

describe("printable (the rule for characters the fonts lack)", () => {
  const drawable = new Set(Array.from("abcé ́\u00a0", (c) => c.codePointAt(0) ?? 0));

  it("keeps what the fonts draw and composes accents typed as combining marks", () => {
    expect(printable("abc é", drawable)).toBe("abc é");
    expect(printable("e\u0301", new Set([0xe9]))).toBe("é");
  });

  it("turns unusual whitespace into a space and anything else missing into one placeholder per character", () => {
    expect(printable("a\tb", drawable)).toBe("a b");
    expect(printable("a🐶b", drawable)).toBe(`a${PLACEHOLDER}b`);
    expect(printable("a👨‍👩‍👧b", drawable)).toBe(`a${PLACEHOLDER}b`);
    expect(printable("a\ud83db", drawable)).toBe(`a${PLACEHOLDER}b`);
    expect(printable("漢字", drawable)).toBe(`${PLACEHOLDER}${PLACEHOLDER}`);
  });
});
