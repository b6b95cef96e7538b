// Invoice PDFs over HTTP for a clinic and a client whose names, lines, tax rate and notes are stored in Polish,
// Czech, Turkish, Greek and Cyrillic with emoji: both PDF routes answer 200 and pdf.js reads every name back
// exactly from the real database's values; an emoji the font lacks becomes the placeholder, not a 500. With the
// standard Helvetica font these letters printed as "?".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as clientPdf } from "@/app/[clinic]/portal/invoices/[invoiceId]/pdf/route";
import { GET as staffPdf } from "@/app/[clinic]/staff/invoices/[invoiceId]/pdf/route";
import { createInvoice } from "@/lib/billing/create-invoice";
import type { Invoice } from "@/lib/billing/invoice-record";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { PLACEHOLDER } from "@/lib/billing/pdf-fonts";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { appUrl } from "../helpers/auth-http";
import { createTaxRate, line } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClient, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import type { Handler } from "../helpers/route-calls";
import { signedIn } from "../helpers/route-calls";

const CLINIC = "Łukasz Wójcik Weterynaria";
const LEGAL_NAME = "Klinika Dvořák s.r.o.";
const ADDRESS = "Ğül Sokak 5, İstanbul Şişli";
const CLIENT = "Ελένη Παπαδοπούλου";
const LINES = ["Вакцинация от бешенства", "Antiparasitario ≥ 20 kg", "Žluťoučký kůň"];
const TAX = "ΦΠΑ 24%";
const NOTE = "Спасибо, Ελένη! 😀";

let clinic: TestClinic;
let staff: Awaited<ReturnType<typeof signedIn>>;
let owner: Awaited<ReturnType<typeof signedIn>>;
let invoice: Invoice;

async function download(handler: Handler, area: "staff" | "portal", cookie: string) {
  const req = new Request(`${appUrl()}/${clinic.slug}/${area}/invoices/${invoice.id}/pdf`, {
    headers: { origin: appUrl(), cookie },
  });
  const res = await handler(req, { params: Promise.resolve({ clinic: clinic.slug, invoiceId: invoice.id }) });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  clinic = await createClinic({ name: CLINIC });
  await testPool().query(
    "update public.clinic_billing_settings set legal_name = $2, legal_address = $3 where clinic_id = $1",
    [clinic.id, LEGAL_NAME, ADDRESS],
  );
  staff = await signedIn();
  await addStaff(clinic.id, "admin", staff);
  owner = await signedIn();
  const clientId = (await createClient(clinic.id, { user: owner, name: CLIENT })).id;
  const rate = await createTaxRate(clinic.id, 2400, TAX);
  const lines = LINES.map((description) => line(rate, 2500, { description }));
  const notes = `${NOTE}\nPamiętaj o szczepieniu 🐶`;
  const draft = await withUser(staff, (db) => createInvoice(db, { clinicId: clinic.id }, { clientId, lines, notes }));
  invoice = await withUser(staff, (db) => issueInvoice(db, draft.id));
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("an invoice PDF with text in five scripts", () => {
  it("downloads for staff with every name read back exactly", async () => {
    const { res, bytes } = await download(staffPdf, "staff", staff.cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = (await pdfText(bytes)).join(" ");
    for (const s of [CLINIC, LEGAL_NAME, ADDRESS, CLIENT, ...LINES, `${TAX} (24%)`, NOTE]) expect(text).toContain(s);
    expect(text).toContain(`Pamiętaj o szczepieniu ${PLACEHOLDER}`);
    expect(bytes.length).toBeLessThan(120_000);
  });

  it("downloads for the client who owns it", async () => {
    const { res, bytes } = await download(clientPdf, "portal", owner.cookie);
    expect(res.status).toBe(200);
    const text = (await pdfText(bytes)).join(" ");
    expect(text).toContain(CLIENT);
    expect(text).toContain(LINES[0]);
  });
});
