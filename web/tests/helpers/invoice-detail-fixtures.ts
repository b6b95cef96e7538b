// InvoiceDetail values for rendering PDFs without a database: a typical invoice (Latin text only) and one whose
// clinic, client, lines, tax name and notes are written in Polish, Czech, Turkish, Greek and Cyrillic, with emoji.
// Used by the renderer's unit test and by the PDF benchmark. Not a test file itself.
import type { InvoiceDetail, InvoiceLine } from "@/lib/billing/get-invoice";
import type { Invoice } from "@/lib/billing/invoice-record";
import { DAY, fromNow } from "./dates";

export const issuedAt = fromNow(-DAY);
export const ID = "00000000-0000-4000-8000-000000000001";

export function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    id: ID,
    clinicId: ID,
    clientId: ID,
    status: "issued",
    currency: "EUR",
    pricesIncludeTax: false,
    number: "2026-000042",
    issuedAt,
    notes: null,
    totalMinor: 12100,
    netMinor: 10000,
    taxMinor: 2100,
    creditedMinor: 0,
    paidMinor: 0,
    refundedMinor: 0,
    balanceMinor: 12100,
    voidReason: null,
    voidedAt: null,
    createdAt: issuedAt,
    ...over,
  };
}

export function line(description: string, over: Partial<InvoiceLine> = {}): InvoiceLine {
  return {
    id: ID,
    kind: "service",
    description,
    quantity: 1,
    unitPriceMinor: 2500,
    discountMinor: 0,
    taxRateId: ID,
    taxRateName: "VAT 21%",
    taxBasisPoints: 2100,
    amountMinor: 2500,
    creditedMinor: 0,
    ...over,
  };
}

export function invoiceDetail(over: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    invoice: invoice(),
    totals: { netMinor: 10000, taxMinor: 2100, totalMinor: 12100 },
    lines: [line("Consultation"), line("Rabies vaccine", { kind: "product" })],
    taxes: [{ basisPoints: 2100, rateName: "VAT 21%", netMinor: 10000, taxMinor: 2100, grossMinor: 12100 }],
    payments: [],
    refunds: [],
    creditNotes: [],
    client: { id: ID, fullName: "Ana García", email: "ana@example.com", address: "Calle Sol 3, Madrid" },
    clinic: {
      name: "Happy Paws",
      legalName: "Happy Paws S.L.",
      taxId: "B12345678",
      legalAddress: "Calle Mayor 1, Madrid",
      email: "hola@example.com",
      phone: "+34 600 000 000",
    },
    ...over,
  };
}

// What clinics type: each string must come out of the PDF exactly as written.
export const POLISH_CLINIC = "Łukasz Wójcik Weterynaria Sp. z o.o.";
export const POLISH_ADDRESS = "ul. Żółkiewskiego 12, 90-001 Łódź";
export const CZECH_CLIENT = "Antonín Dvořák";
export const TURKISH_ADDRESS = "Ğül Sokak 5, İstanbul Şişli";
export const GREEK_LINE = "Εμβόλιο λύσσας";
export const CYRILLIC_LINE = "Корм для собак «Щенок»";
export const SYMBOL_LINE = "Antiparasitario ≥ 20 kg";
export const LIGATURE_LINE = "Profilaxis office";
export const TAX_NAME = "ΦΠΑ 24%";
export const NOTE = "Спасибо! Děkujeme 😀";

export function unicodeInvoiceDetail(): InvoiceDetail {
  return invoiceDetail({
    invoice: invoice({ notes: `${NOTE}\nPamiętaj o szczepieniu 🐶 i 👨‍👩‍👧` }),
    clinic: { ...invoiceDetail().clinic, name: "Klinika Łódź", legalName: POLISH_CLINIC, legalAddress: POLISH_ADDRESS },
    client: { id: ID, fullName: CZECH_CLIENT, email: "dvorak@example.cz", address: TURKISH_ADDRESS },
    lines: [
      line(GREEK_LINE, { taxRateName: TAX_NAME }),
      line(CYRILLIC_LINE, { kind: "product", quantity: 2, amountMinor: 5000 }),
      line(SYMBOL_LINE, { kind: "product" }),
      line(LIGATURE_LINE),
      { ...line("Nota: paciente tranquilo 💉, sin incidencias"), kind: "text" },
    ],
    taxes: [{ basisPoints: 2400, rateName: TAX_NAME, netMinor: 10000, taxMinor: 2400, grossMinor: 12400 }],
  });
}
