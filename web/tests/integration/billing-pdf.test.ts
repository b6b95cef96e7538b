// Invoice and credit note PDFs over HTTP with real sessions, read back with pdf.js: the number, the legal
// details, the totals and one tax line per rate are in the document; the headers name the file; staff of the
// clinic and the client who owns an issued invoice can download it, nobody else (drafts, other clients and
// another clinic's staff get a 404 or a 403, never the document).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as clientPdf } from "@/app/[clinic]/portal/invoices/[invoiceId]/pdf/route";
import { GET as staffPdf } from "@/app/[clinic]/staff/invoices/[invoiceId]/pdf/route";
import type { Invoice } from "@/lib/billing/invoice-record";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { formatMoney } from "@/lib/format/money";
import { appUrl } from "../helpers/auth-http";
import { createTaxRate, draftAs, issuedAs, line, setPricesIncludeTax } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClient, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import type { Handler } from "../helpers/route-calls";
import { signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let other: TestClinic;
let staff: Awaited<ReturnType<typeof signedIn>>;
let owner: Awaited<ReturnType<typeof signedIn>>;
let otherStaff: Awaited<ReturnType<typeof signedIn>>;
let otherClient: Awaited<ReturnType<typeof signedIn>>;
let clientId: string;
let invoice: Invoice;
let creditNote: { id: string; number: string };

const eur = (minor: number) => formatMoney(minor, "EUR", "en");

async function download(handler: Handler, area: "staff" | "portal", slug: string, cookie: string, id: string, qs = "") {
  const req = new Request(`${appUrl()}/${slug}/${area}/invoices/${id}/pdf${qs}`, {
    headers: { origin: appUrl(), cookie },
  });
  const res = await handler(req, { params: Promise.resolve({ clinic: slug, invoiceId: id }) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  clinic = await createClinic({ name: "Happy Paws" });
  other = await createClinic();
  await testPool().query(
    "update public.clinic_billing_settings set legal_name = 'Happy Paws S.L.', tax_id = 'B12345678', legal_address = 'Calle Sol 3, Madrid' where clinic_id = $1",
    [clinic.id],
  );
  await setPricesIncludeTax(clinic.id, false);
  staff = await signedIn();
  await addStaff(clinic.id, "admin", staff);
  otherStaff = await signedIn();
  await addStaff(other.id, "admin", otherStaff);
  owner = await signedIn();
  clientId = (await createClient(clinic.id, { user: owner, name: "Ana García" })).id;
  otherClient = await signedIn();
  await createClient(clinic.id, { user: otherClient });
  const vat21 = await createTaxRate(clinic.id, 2100, "VAT 21%");
  const vat10 = await createTaxRate(clinic.id, 1000, "VAT 10%");
  // 100.00 at 21% and 2 x 12.50 at 10%: net 125.00, tax 21.00 + 2.50, total 148.50
  invoice = await issuedAs(staff, clinic.id, clientId, [
    line(vat21, 10000, { description: "Surgery" }),
    line(vat10, 1250, { kind: "product", description: "Antibiotic", quantity: 2 }),
  ]);
  const payment = await withUser(staff, (db) =>
    recordPayment(db, invoice.id, { method: "cash", amountMinor: 5000, idempotencyKey: "pdf-test-pay-1" }),
  );
  await withUser(staff, (db) =>
    refundPayment(db, payment.id, { amountMinor: 1000, reason: "Goodwill discount", idempotencyKey: "pdf-test-ref-1" }),
  );
  const { rows } = await testPool().query<{ id: string; number: string }>(
    "select id, number from public.credit_notes where invoice_id = $1",
    [invoice.id],
  );
  creditNote = rows[0]!;
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("the invoice PDF", () => {
  it("is a PDF named by the invoice number with the legal details, lines, tax per rate, payments and balance", async () => {
    const { res, bytes } = await download(staffPdf, "staff", clinic.slug, staff.cookie, invoice.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = (await pdfText(bytes)).join(" ");
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain("Happy Paws S.L.");
    expect(text).toContain("Tax ID B12345678");
    expect(text).toContain("Ana García");
    expect(text).toContain("Surgery");
    // one line per rate: rate, net, tax, gross
    expect(text).toContain(`VAT 21% (21%) ${eur(10000)} ${eur(2100)} ${eur(12100)}`);
    expect(text).toContain(`VAT 10% (10%) ${eur(2500)} ${eur(250)} ${eur(2750)}`);
    expect(text).toContain(`Net total ${eur(12500)}`);
    expect(text).toContain(`Tax total ${eur(2350)}`);
    expect(text).toContain(`Total ${eur(14850)}`);
    expect(text).toContain(eur(5000));
    expect(text).toContain(`${creditNote.number}`);
    expect(text).toContain(eur(-1000));
    // balance = 148.50 - 10.00 credited - (50.00 - 10.00) paid = 98.50
    expect(text).toContain(`Balance due ${eur(9850)}`);
  });

  it("prints a credit note of the invoice as its own document with the amount negative", async () => {
    const qs = `?creditNote=${creditNote.id}`;
    const { res, bytes } = await download(staffPdf, "staff", clinic.slug, staff.cookie, invoice.id, qs);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${creditNote.number}.pdf"`);
    const text = (await pdfText(bytes)).join(" ");
    expect(text).toContain(`Credit note ${creditNote.number}`);
    expect(text).toContain(`Corrects invoice ${invoice.number}`);
    expect(text).toContain("Goodwill discount");
    // the refund split by the rates' shares of 148.50 (migration 570): 8.15 at 21%, 1.85 at 10%, tax per rate
    expect(text).toContain(`VAT 21% (21%) ${eur(-674)} ${eur(-141)} ${eur(-815)}`);
    expect(text).toContain(`VAT 10% (10%) ${eur(-168)} ${eur(-17)} ${eur(-185)}`);
    expect(text).toContain(`Total ${eur(-1000)}`);
  });

  it("lets the client who owns the issued invoice download it", async () => {
    const { res, bytes } = await download(clientPdf, "portal", clinic.slug, owner.cookie, invoice.id);
    expect(res.status).toBe(200);
    expect((await pdfText(bytes)).join(" ")).toContain(`Invoice ${invoice.number}`);
  });

  it("answers another client, a draft and another clinic's staff without the document", async () => {
    const mine = await download(clientPdf, "portal", clinic.slug, otherClient.cookie, invoice.id);
    expect(mine.res.status).toBe(404);
    const draft = await draftAs(staff, clinic.id, clientId, [line(await createTaxRate(clinic.id, 0), 100)]);
    expect((await download(clientPdf, "portal", clinic.slug, owner.cookie, draft.id)).res.status).toBe(404);
    // staff may download the draft (the print view shows it too)
    expect((await download(staffPdf, "staff", clinic.slug, staff.cookie, draft.id)).res.status).toBe(200);
    // another clinic's staff: not staff here (403), and through their own clinic the invoice does not exist (404)
    expect((await download(staffPdf, "staff", clinic.slug, otherStaff.cookie, invoice.id)).res.status).toBe(403);
    expect((await download(staffPdf, "staff", other.slug, otherStaff.cookie, invoice.id)).res.status).toBe(404);
    // a client is not staff
    expect((await download(staffPdf, "staff", clinic.slug, owner.cookie, invoice.id)).res.status).toBe(403);
    // a credit note of another invoice is not found through this one
    const elsewhere = await download(
      staffPdf,
      "staff",
      clinic.slug,
      staff.cookie,
      draft.id,
      `?creditNote=${creditNote.id}`,
    );
    expect(elsewhere.res.status).toBe(404);
    // without a session
    expect((await download(clientPdf, "portal", clinic.slug, "", invoice.id)).res.status).toBe(401);
  });

  it("answers a malformed invoice id with 422 naming the field", async () => {
    const { res, bytes } = await download(staffPdf, "staff", clinic.slug, staff.cookie, "not-an-id");
    expect(res.status).toBe(422);
    expect(JSON.parse(Buffer.from(bytes).toString())).toMatchObject({
      error: { fields: { invoiceId: [expect.any(String)] } },
    });
  });
});
