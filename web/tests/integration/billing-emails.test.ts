// Billing emails through the outbox, written in the transaction of their cause: the invoice-issued mail links to
// the portal invoice and its PDF (both behind sign-in), every payment applied gets one receipt whatever its
// method (a replay of the payment none more; a rolled-back payment none at all), every refund one notice naming
// its credit note, each in the client's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { createPetOwner } from "../helpers/appointment-factories";
import { createTaxRate, issuedAs, line } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";

let clinic: TestClinic;
let admin: TestUser;
let rate: string;

async function outbox(dedupeKey: string) {
  const { rows } = await testPool().query<{ template: string; locale: string; payload: Record<string, unknown> }>(
    "select template, locale, payload from public.outbox_messages where dedupe_key = $1",
    [dedupeKey],
  );
  return rows;
}

beforeAll(async () => {
  clinic = await createClinic();
  admin = await addStaff(clinic.id, "admin");
  rate = await createTaxRate(clinic.id, 2100);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("billing emails", () => {
  it("link the issued invoice's portal page and PDF, both under the clinic's signed-in portal", async () => {
    const carla = await createPetOwner(clinic.id, { locale: "es" });
    const inv = await issuedAs(admin, clinic.id, carla.clientId, [line(rate, 10000)]);
    const rows = await outbox(`invoice.issued:${inv.id}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      template: "invoice.issued",
      locale: "es",
      payload: {
        number: inv.number,
        path: `/${clinic.slug}/portal/invoices/${inv.id}`,
        pdf_path: `/${clinic.slug}/portal/invoices/${inv.id}/pdf`,
      },
    });
  });

  it("send one receipt per payment applied, whatever the method, with the balance after it", async () => {
    const owner = await createPetOwner(clinic.id);
    const inv = await issuedAs(admin, clinic.id, owner.clientId, [line(rate, 10000)]);
    const cash = await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 2000, idempotencyKey: `mail-cash-${inv.id}` }),
    );
    // the same payment again (a double click): the recorded row, and no second receipt
    await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 2000, idempotencyKey: `mail-cash-${inv.id}` }),
    );
    const transfer = await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "bank_transfer", amountMinor: 3000, idempotencyKey: `mail-bt-${inv.id}` }),
    );
    expect(await outbox(`payment.receipt:${cash.id}`)).toEqual([
      expect.objectContaining({
        template: "payment.receipt",
        payload: expect.objectContaining({ amount_minor: 2000, method: "cash", number: inv.number }),
      }),
    ]);
    expect((await outbox(`payment.receipt:${transfer.id}`))[0]?.payload).toMatchObject({
      amount_minor: 3000,
      method: "bank_transfer",
      // read at commit (prices include tax here): 100.00 - 20.00 - 30.00
      balance_minor: 5000,
    });
    const { rows } = await testPool().query(
      "select count(*)::int as n from public.outbox_messages where template = 'payment.receipt' and payload->>'number' = $1 and clinic_id = $2",
      [inv.number, clinic.id],
    );
    expect(rows[0]).toEqual({ n: 2 });
  });

  it("send no receipt for a payment whose transaction rolled back", async () => {
    const owner = await createPetOwner(clinic.id);
    const inv = await issuedAs(admin, clinic.id, owner.clientId, [line(rate, 10000)]);
    await withUser(admin, async (db) => {
      await recordPayment(db, inv.id, { method: "cash", amountMinor: 1000, idempotencyKey: `mail-rb-${inv.id}` });
      throw new Error("abandon");
    }).catch(() => undefined);
    const { rows } = await testPool().query(
      "select count(*)::int as n from public.outbox_messages where template = 'payment.receipt' and payload->>'number' = $1 and clinic_id = $2",
      [inv.number, clinic.id],
    );
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("send one notice per refund, naming its credit note", async () => {
    const owner = await createPetOwner(clinic.id);
    const inv = await issuedAs(admin, clinic.id, owner.clientId, [line(rate, 10000)]);
    const pay = await withUser(admin, (db) =>
      recordPayment(db, inv.id, { method: "card_terminal", amountMinor: 10000, idempotencyKey: `mail-ct-${inv.id}` }),
    );
    const input = { amountMinor: 2100, reason: "Wrong dose billed", idempotencyKey: `mail-rf-${inv.id}` };
    const refund = await withUser(admin, (db) => refundPayment(db, pay.id, input));
    await withUser(admin, (db) => refundPayment(db, pay.id, input));
    const { rows: notes } = await testPool().query<{ number: string }>(
      "select number from public.credit_notes where invoice_id = $1",
      [inv.id],
    );
    expect(await outbox(`refund.issued:${refund.id}`)).toEqual([
      expect.objectContaining({
        template: "refund.issued",
        payload: expect.objectContaining({ amount_minor: 2100, credit_note_number: notes[0]!.number }),
      }),
    ]);
    const { rows } = await testPool().query(
      "select count(*)::int as n from public.outbox_messages where template = 'refund.issued' and payload->>'number' = $1 and clinic_id = $2",
      [inv.number, clinic.id],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });
});
