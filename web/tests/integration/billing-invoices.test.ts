// Invoices against the real Postgres: the one tax and rounding rule (exclusive and inclusive prices, mixed
// rates, 0%), issuing (number, captured rates, outbox email), immutability of an issued invoice for every role
// including the table owner, voiding, refund limits and credit notes, and today's takings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getInvoice } from "@/lib/billing/get-invoice";
import { getDailyTakings } from "@/lib/billing/get-daily-takings";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { saveInvoiceDraft } from "@/lib/billing/save-invoice-draft";
import { voidInvoice } from "@/lib/billing/void-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { caught as rejection } from "../helpers/rejections";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { createTaxRate, draftAs, issuedAs, line, setPricesIncludeTax } from "../helpers/billing-factories";
import { today } from "../helpers/dates";

let clinic: TestClinic;
let staff: TestUser;
let clientId: string;
let r21: string;
let r10: string;
let r0: string;

beforeAll(async () => {
  clinic = await createClinic({ timeZone: "Europe/Madrid" });
  staff = await addStaff(clinic.id, "receptionist");
  clientId = (await createClient(clinic.id)).id;
  r21 = await createTaxRate(clinic.id, 2100, "VAT 21%");
  r10 = await createTaxRate(clinic.id, 1000, "VAT 10%");
  r0 = await createTaxRate(clinic.id, 0, "Exempt");
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const detail = (id: string) => withUser(clinic.owner, (db) => getInvoice(db, clinic.id, id));

describe("tax and rounding (one rule, in SQL)", () => {
  it("adds tax per rate on the sum of that rate's net lines when prices exclude tax", async () => {
    await setPricesIncludeTax(clinic.id, false);
    // three lines of 0.33 at 21%: per-line tax would be 3 x round(6.93) = 21; per rate it is round(20.79) = 21
    // two lines of 0.05 at 10%: per line 2 x round(0.5) = 2, per rate round(1.0) = 1
    const inv = await issuedAs(staff, clinic.id, clientId, [
      line(r21, 33),
      line(r21, 33),
      line(r21, 33),
      line(r10, 5),
      line(r10, 5),
      line(r0, 1999),
    ]);
    const d = await detail(inv.id);
    expect(d.taxes).toEqual([
      { basisPoints: 2100, rateName: "VAT 21%", netMinor: 99, taxMinor: 21, grossMinor: 120 },
      { basisPoints: 1000, rateName: "VAT 10%", netMinor: 10, taxMinor: 1, grossMinor: 11 },
      { basisPoints: 0, rateName: "Exempt", netMinor: 1999, taxMinor: 0, grossMinor: 1999 },
    ]);
    expect(inv).toMatchObject({ netMinor: 2108, taxMinor: 22, totalMinor: 2130 });
  });

  it("extracts tax per rate from the gross sum when prices include tax, and 0% stays 0", async () => {
    await setPricesIncludeTax(clinic.id, true);
    // 12.10 incl. 21% = 10.00 + 2.10; 0.99 incl. 10%: net round(90.0) = 90, tax 9; 5.00 at 0%: no tax
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r21, 1210), line(r10, 99), line(r0, 500)]);
    expect(inv).toMatchObject({ totalMinor: 1809, taxMinor: 219, netMinor: 1590, pricesIncludeTax: true });
    const d = await detail(inv.id);
    expect(d.taxes.map((t) => [t.basisPoints, t.netMinor, t.taxMinor, t.grossMinor])).toEqual([
      [2100, 1000, 210, 1210],
      [1000, 90, 9, 99],
      [0, 500, 0, 500],
    ]);
  });

  it("rounds quantity x price half-up per line, takes the discount off, and ignores text lines", async () => {
    await setPricesIncludeTax(clinic.id, false);
    // 2.5 x 0.99 = 2.475 -> 2.48 (half-up), less 0.08 discount = 2.40; tax 21% of 2.40 = 0.504 -> 0.50
    const inv = await issuedAs(staff, clinic.id, clientId, [
      line(r21, 99, { quantity: 2.5, discountMinor: 8, kind: "product", description: "Food" }),
      { kind: "text", description: "Thank you" },
    ]);
    expect(inv).toMatchObject({ netMinor: 240, taxMinor: 50, totalMinor: 290 });
    const d = await detail(inv.id);
    expect(d.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ["product", 240],
      ["text", 0],
    ]);
  });

  it("refuses a discount larger than its line and a rate of another clinic", async () => {
    const other = await createClinic();
    const foreignRate = await createTaxRate(other.id, 2100);
    const err = await rejection(draftAs(staff, clinic.id, clientId, [line(foreignRate, 100)]));
    expect(err).toMatchObject({ code: "TAX_RATE_NOT_FOUND", fields: { lines: expect.any(Array) } });
    const err2 = await rejection(draftAs(staff, clinic.id, clientId, [line(r21, 100, { discountMinor: 101 })]));
    expect(err2).toMatchObject({ code: "INVALID_INPUT", fields: { "lines.0.discountMinor": expect.any(Array) } });
  });
});

describe("issuing", () => {
  it("numbers the invoice in the clinic's year series, captures the rate and emails the client", async () => {
    const year = today(clinic.timeZone).slice(0, 4);
    const withEmail = await createClient(clinic.id);
    const inv = await issuedAs(staff, clinic.id, withEmail.id, [line(r21, 1000)]);
    expect(inv.number).toMatch(new RegExp(`^${year}-\\d{6}$`));
    expect(inv.status).toBe("issued");
    const { rows } = await testPool().query(
      "select template, payload->>'number' as number from public.outbox_messages where dedupe_key = $1",
      [`invoice.issued:${inv.id}`],
    );
    expect(rows).toEqual([{ template: "invoice.issued", number: inv.number }]);
    // renaming the rate later does not change the issued invoice
    await testPool().query("update public.tax_rates set name = 'Renamed' where id = $1", [r21]);
    expect((await detail(inv.id)).lines[0]?.taxRateName).toBe("VAT 21%");
    await testPool().query("update public.tax_rates set name = 'VAT 21%' where id = $1", [r21]);
  });

  it("refuses to issue twice or to issue an empty draft", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r21, 1000)]);
    expect(await rejection(withUser(staff, (db) => issueInvoice(db, inv.id)))).toMatchObject({
      code: "INVOICE_NOT_DRAFT",
    });
    const empty = await draftAs(staff, clinic.id, clientId, [{ kind: "text", description: "nothing" }]);
    expect(await rejection(withUser(staff, (db) => issueInvoice(db, empty.id)))).toMatchObject({
      code: "INVOICE_EMPTY",
      status: 422,
    });
  });
});

describe("an issued invoice cannot change (enforced in the database)", () => {
  let invoiceId: string;
  beforeAll(async () => {
    invoiceId = (await issuedAs(staff, clinic.id, clientId, [line(r21, 1000), line(r10, 500)])).id;
  });

  it("refuses a draft save through the app", async () => {
    const err = await rejection(withUser(staff, (db) => saveInvoiceDraft(db, invoiceId, { lines: [line(r21, 1)] })));
    expect(err).toMatchObject({ code: "INVOICE_NOT_DRAFT", status: 409 });
  });

  it.each([
    ["a line's price", "update public.invoice_lines set unit_price_minor = 1 where invoice_id = $1"],
    [
      "a new line",
      "insert into public.invoice_lines (clinic_id, invoice_id, position, kind, description) select clinic_id, id, 99, 'text', 'x' from public.invoices where id = $1",
    ],
    ["deleting a line", "delete from public.invoice_lines where invoice_id = $1"],
    ["the total", "update public.invoices set total_minor = 1 where id = $1"],
    ["the notes", "update public.invoices set notes = 'changed' where id = $1"],
    ["the number", "update public.invoices set number = 'X-1' where id = $1"],
    ["deleting it", "delete from public.invoices where id = $1"],
  ])("refuses %s even to the table owner", async (_what, sql) => {
    const err = await rejection(testPool().query(sql, [invoiceId]));
    expect(err).toMatchObject({ message: "invoice_immutable" });
    const d = await detail(invoiceId);
    expect(d.lines).toHaveLength(2);
    expect(d.invoice.totalMinor).toBe(1210 + 550);
  });
});

describe("voiding", () => {
  it("keeps the number and the reason; needs owner or admin and a reason", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r21, 1000)]);
    expect(await rejection(withUser(staff, (db) => voidInvoice(db, inv.id, { reason: "wrong client" })))).toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    expect(await rejection(withUser(clinic.owner, (db) => voidInvoice(db, inv.id, { reason: "" })))).toMatchObject({
      code: "INVALID_INPUT",
      fields: { reason: expect.any(Array) },
    });
    const voided = await withUser(clinic.owner, (db) => voidInvoice(db, inv.id, { reason: "wrong client" }));
    expect(voided).toMatchObject({ status: "void", number: inv.number, voidReason: "wrong client" });
    const err = await rejection(
      withUser(staff, (db) =>
        recordPayment(db, inv.id, { method: "cash", amountMinor: 1, idempotencyKey: "void-pay-1" }),
      ),
    );
    expect(err).toMatchObject({ code: "INVOICE_NOT_PAYABLE" });
  });

  it("is refused while the invoice holds payments", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r21, 1000)]);
    await withUser(staff, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 100, idempotencyKey: `v-${inv.id}` }),
    );
    expect(
      await rejection(withUser(clinic.owner, (db) => voidInvoice(db, inv.id, { reason: "mistake" }))),
    ).toMatchObject({
      code: "INVOICE_HAS_PAYMENTS",
    });
  });
});

describe("payments, refunds and credit notes", () => {
  it("moves the status with the balance and refuses an overpayment", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r0, 1000)]);
    const pay = (amountMinor: number, key: string) =>
      withUser(staff, (db) => recordPayment(db, inv.id, { method: "card_terminal", amountMinor, idempotencyKey: key }));
    await pay(400, `a-${inv.id}`);
    expect((await detail(inv.id)).invoice).toMatchObject({ status: "partially_paid", balanceMinor: 600 });
    expect(await rejection(pay(601, `b-${inv.id}`))).toMatchObject({
      code: "PAYMENT_EXCEEDS_BALANCE",
      status: 409,
      fields: { amountMinor: expect.any(Array) },
    });
    await pay(600, `c-${inv.id}`);
    expect((await detail(inv.id)).invoice).toMatchObject({ status: "paid", balanceMinor: 0 });
    expect(await rejection(pay(1, `d-${inv.id}`))).toMatchObject({ code: "PAYMENT_EXCEEDS_BALANCE" });
  });

  it("refunds at most what is left of a payment, each refund with a credit note of its own series", async () => {
    const year = today(clinic.timeZone).slice(0, 4);
    const inv = await issuedAs(staff, clinic.id, clientId, [line(r0, 1000)]);
    const p = await withUser(staff, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 1000, idempotencyKey: `r-${inv.id}` }),
    );
    const refund = (amountMinor: number, key: string, who = clinic.owner) =>
      withUser(who, (db) => refundPayment(db, p.id, { amountMinor, reason: "overcharged", idempotencyKey: key }));
    expect(await rejection(refund(100, `x-${p.id}`, staff))).toMatchObject({ code: "FORBIDDEN" });
    await refund(300, `r1-${p.id}`);
    await refund(300, `r1-${p.id}`); // a replay: the same refund, not a second one
    expect(await rejection(refund(701, `r2-${p.id}`))).toMatchObject({ code: "REFUND_EXCEEDS_PAYMENT", status: 409 });
    await refund(700, `r3-${p.id}`);
    expect(await rejection(refund(1, `r4-${p.id}`))).toMatchObject({ code: "REFUND_EXCEEDS_PAYMENT" });
    const d = await detail(inv.id);
    expect(d.refunds.map((r) => r.amountMinor)).toEqual([300, 700]);
    expect(d.creditNotes.map((n) => n.amountMinor)).toEqual([300, 700]);
    const [first, second] = d.creditNotes.map((n) => n.number);
    expect(first).toMatch(new RegExp(`^CN-${year}-\\d{6}$`));
    expect(Number(second?.slice(-6))).toBe(Number(first?.slice(-6)) + 1);
    // a refund with its credit note leaves the balance as it was: less is owed and less was paid
    expect(d.invoice).toMatchObject({ creditedMinor: 1000, refundedMinor: 1000, balanceMinor: 0, status: "paid" });
    expect(
      await rejection(testPool().query("delete from public.credit_notes where invoice_id = $1", [inv.id])),
    ).toMatchObject({
      message: "ledger_immutable",
    });
  });

  it("sums today's takings per method in the clinic's day, refunds taken off", async () => {
    const other = await createClinic({ timeZone: "America/New_York" });
    const st = await addStaff(other.id, "vet");
    const rate = await createTaxRate(other.id, 0);
    const cl = (await createClient(other.id)).id;
    const a = await issuedAs(st, other.id, cl, [line(rate, 5000)]);
    const b = await issuedAs(st, other.id, cl, [line(rate, 2000)]);
    await withUser(st, (db) =>
      recordPayment(db, a.id, { method: "cash", amountMinor: 5000, idempotencyKey: `t1-${a.id}` }),
    );
    await withUser(st, (db) =>
      recordPayment(db, b.id, { method: "cash", amountMinor: 1500, idempotencyKey: `t2-${b.id}` }),
    );
    const card = await withUser(st, (db) =>
      recordPayment(db, b.id, { method: "card_terminal", amountMinor: 500, idempotencyKey: `t3-${b.id}` }),
    );
    await withUser(other.owner, (db) =>
      refundPayment(db, card.id, { amountMinor: 200, reason: "goodwill", idempotencyKey: `t4-${b.id}` }),
    );
    const t = await withUser(st, (db) => getDailyTakings(db, other.id, {}));
    expect(t.day).toBe(today("America/New_York"));
    expect(t.methods.find((m) => m.method === "cash")).toMatchObject({ count: 2, receivedMinor: 6500, netMinor: 6500 });
    expect(t.methods.find((m) => m.method === "card_terminal")).toMatchObject({
      count: 1,
      receivedMinor: 500,
      refundedMinor: 200,
      netMinor: 300,
    });
    expect(t.totalNetMinor).toBe(6800);
    expect(await rejection(withUser(staff, (db) => getDailyTakings(db, other.id, {})))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
