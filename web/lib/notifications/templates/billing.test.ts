import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/format/money";
import { renderMessage } from "../render";

const es = (minor: number) => formatMoney(minor, "EUR", "es");

const ctx = { appUrl: "https://vete.example" };
const base = {
  clinic_name: "Vete Centro",
  client_name: "Carla",
  number: "2026-000042",
  currency: "EUR",
  total_minor: 14850,
  balance_minor: 9850,
  path: "/centro/portal/invoices/7d1c",
  pdf_path: "/centro/portal/invoices/7d1c/pdf",
};

describe("billing email templates", () => {
  it("announce an issued invoice with links to the portal invoice and its PDF, in English and Spanish", () => {
    const en = renderMessage("invoice.issued", "en", base, ctx);
    expect(en.subject).toBe("Invoice 2026-000042 from Vete Centro");
    expect(en.text).toContain("€148.50");
    expect(en.text).toContain("https://vete.example/centro/portal/invoices/7d1c/pdf");
    expect(en.text).toContain("See the invoice: https://vete.example/centro/portal/invoices/7d1c");
    const spanish = renderMessage("invoice.issued", "es", base, ctx);
    expect(spanish.subject).toBe("Factura 2026-000042 de Vete Centro");
    expect(spanish.text).toContain("Descargar el PDF");
  });

  it("give a receipt with the amount, the method and the balance still owed", () => {
    const p = { ...base, amount_minor: 5000, method: "card_terminal" };
    const en = renderMessage("payment.receipt", "en", p, ctx);
    expect(en.subject).toBe("Receipt for your €50.00 payment to Vete Centro");
    expect(en.text).toContain("We received €50.00 (Card (terminal)) for invoice 2026-000042.");
    expect(en.text).toContain("Balance still owed: €98.50.");
    const spanish = renderMessage("payment.receipt", "es", p, ctx);
    expect(spanish.text).toContain(`Hemos recibido ${es(5000)} (Tarjeta (datáfono)) para la factura 2026-000042.`);
  });

  it("name the credit note of a refund", () => {
    const p = { ...base, amount_minor: 1000, credit_note_number: "CN-2026-000003" };
    expect(renderMessage("refund.issued", "en", p, ctx).text).toContain("Credit note: CN-2026-000003.");
    const spanish = renderMessage("refund.issued", "es", p, ctx);
    expect(spanish.subject).toBe(`Reembolso de ${es(1000)} de Vete Centro`);
    expect(spanish.text).toContain("Factura rectificativa: CN-2026-000003.");
  });

  it("announce a corrective credit note with its number, reason and the balance left, in English and Spanish", () => {
    const p = { ...base, amount_minor: 1210, credit_note_number: "CN-2026-000004", reason: "Vaccine billed twice" };
    const en = renderMessage("credit_note.issued", "en", p, ctx);
    expect(en.subject).toBe("Credit note CN-2026-000004 from Vete Centro");
    expect(en.text).toContain("corrected invoice 2026-000042 with credit note CN-2026-000004 for €12.10.");
    expect(en.text).toContain("Reason: Vaccine billed twice");
    expect(en.text).toContain("Balance still owed: €98.50.");
    const spanish = renderMessage("credit_note.issued", "es", p, ctx);
    expect(spanish.subject).toBe("Factura rectificativa CN-2026-000004 de Vete Centro");
    expect(spanish.text).toContain(`por ${es(1210)}.`);
    expect(spanish.text).toContain("Motivo: Vaccine billed twice");
  });
});
