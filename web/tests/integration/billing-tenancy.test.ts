// Tenant isolation for billing, through the use-cases the routes call (withUser + web/lib/billing), so row
// level security and the functions' role checks are what is tested: another clinic's staff and other clients
// can neither read nor write any billing table; a client sees only their own issued invoices, never a draft.
// The last block shows the leak detector can fail: a permissive policy added in a rolled-back transaction.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveTaxRate } from "@/lib/billing/archive-tax-rate";
import { createInvoice } from "@/lib/billing/create-invoice";
import { createTaxRate as createTaxRateUseCase } from "@/lib/billing/create-tax-rate";
import { getBillingSettings } from "@/lib/billing/get-billing-settings";
import { getDailyTakings } from "@/lib/billing/get-daily-takings";
import { getInvoice } from "@/lib/billing/get-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { listInvoices } from "@/lib/billing/list-invoices";
import { listMyInvoices } from "@/lib/billing/list-my-invoices";
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { saveInvoiceDraft } from "@/lib/billing/save-invoice-draft";
import { updateBillingSettings } from "@/lib/billing/update-billing-settings";
import { voidInvoice } from "@/lib/billing/void-invoice";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import type { Db } from "@/lib/db/types";
import { caught } from "../helpers/rejections";
import { createTaxRate, draftAs, issuedAs, line } from "../helpers/billing-factories";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createUser,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

const billingTables = [
  "invoices",
  "invoice_lines",
  "payments",
  "refunds",
  "credit_notes",
  "tax_rates",
  "clinic_billing_settings",
];

let clinicA: TestClinic;
let clinicB: TestClinic;
let staffA: TestUser;
let staffB: TestUser;
let userA1: TestUser;
let userA2: TestUser;
let clientA1: string;
let clientA2: string;
let rateA: string;
let issuedA1: string;
let draftA1: string;
let issuedA2: string;
let paymentA1: string;

beforeAll(async () => {
  clinicA = await createClinic();
  clinicB = await createClinic();
  staffA = await addStaff(clinicA.id, "receptionist");
  staffB = await addStaff(clinicB.id, "admin");
  userA1 = await createUser();
  userA2 = await createUser();
  clientA1 = (await createClient(clinicA.id, { user: userA1 })).id;
  clientA2 = (await createClient(clinicA.id, { user: userA2 })).id;
  rateA = await createTaxRate(clinicA.id, 2100);
  await createTaxRate(clinicB.id, 2100);
  issuedA1 = (await issuedAs(staffA, clinicA.id, clientA1, [line(rateA, 1000)])).id;
  draftA1 = (await draftAs(staffA, clinicA.id, clientA1, [line(rateA, 500)])).id;
  issuedA2 = (await issuedAs(staffA, clinicA.id, clientA2, [line(rateA, 700)])).id;
  paymentA1 = (
    await withUser(staffA, (db) =>
      recordPayment(db, issuedA1, { method: "cash", amountMinor: 100, idempotencyKey: `ten-${issuedA1}` }),
    )
  ).id;
  await withUser(clinicA.owner, (db) =>
    refundPayment(db, paymentA1, { amountMinor: 50, reason: "goodwill", idempotencyKey: `ten-r-${paymentA1}` }),
  );
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

/** Rows of clinic A the user can see in each billing table, read as that user (RLS applies). */
async function visibleRowsOfClinicA(user: TestUser, db?: Db): Promise<Record<string, number>> {
  const read = async (q: Db) => {
    const out: Record<string, number> = {};
    for (const t of billingTables) {
      const { rows } = await q.query<{ n: number }>(`select count(*)::int as n from public.${t} where clinic_id = $1`, [
        clinicA.id,
      ]);
      out[t] = rows[0]?.n ?? -1;
    }
    return out;
  };
  return db ? read(db) : withUser(user, read);
}

const none = Object.fromEntries(billingTables.map((t) => [t, 0]));

describe("another clinic's staff", () => {
  it("read no row of any billing table", async () => {
    expect(await visibleRowsOfClinicA(staffB)).toEqual(none);
    expect(await visibleRowsOfClinicA(clinicB.owner)).toEqual(none);
  });

  it("get NOT_FOUND or FORBIDDEN from every billing use-case", async () => {
    const as = <T>(fn: (db: Db) => Promise<T>) => caught(withUser(staffB, fn));
    expect(await as((db) => getInvoice(db, clinicA.id, issuedA1))).toMatchObject({ code: "NOT_FOUND" });
    expect(await withUser(staffB, (db) => listInvoices(db, clinicA.id, {}))).toEqual({ items: [], nextCursor: null });
    expect(await as((db) => saveInvoiceDraft(db, draftA1, { lines: [] }))).toMatchObject({ code: "INVOICE_NOT_FOUND" });
    expect(await as((db) => issueInvoice(db, draftA1))).toMatchObject({ code: "INVOICE_NOT_FOUND" });
    expect(await as((db) => voidInvoice(db, issuedA2, { reason: "not mine" }))).toMatchObject({
      code: "INVOICE_NOT_FOUND",
    });
    expect(
      await as((db) =>
        recordPayment(db, issuedA2, { method: "cash", amountMinor: 1, idempotencyKey: "cross-tenant-1" }),
      ),
    ).toMatchObject({ code: "INVOICE_NOT_FOUND" });
    expect(
      await as((db) =>
        refundPayment(db, paymentA1, { amountMinor: 1, reason: "steal", idempotencyKey: "cross-tenant-2" }),
      ),
    ).toMatchObject({ code: "PAYMENT_NOT_FOUND" });
    expect(await as((db) => getDailyTakings(db, clinicA.id, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await as((db) => createInvoice(db, { clinicId: clinicA.id }, { clientId: clientA1 }))).toMatchObject({
      code: "FORBIDDEN",
    });
    // their own clinic cannot bill another clinic's client
    expect(await as((db) => createInvoice(db, { clinicId: clinicB.id }, { clientId: clientA1 }))).toMatchObject({
      code: "CLIENT_NOT_FOUND",
    });
    expect(await withUser(staffB, (db) => listTaxRates(db, clinicA.id))).toEqual([]);
    expect(await as((db) => createTaxRateUseCase(db, clinicA.id, { name: "Mine", basisPoints: 0 }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await as((db) => archiveTaxRate(db, clinicA.id, rateA))).toMatchObject({ code: "NOT_FOUND" });
    expect(await as((db) => getBillingSettings(db, clinicA.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await as((db) => updateBillingSettings(db, clinicA.id, { legalName: "Hijacked SL" }))).toMatchObject({
      code: "FORBIDDEN",
    });
    // nothing changed, seen through the owner connection
    const { rows } = await testPool().query(
      "select (select status from public.invoices where id = $1) as draft, (select count(*)::int from public.payments where invoice_id = $2) as pays, (select legal_name from public.clinic_billing_settings where clinic_id = $3) as legal, (select archived_at from public.tax_rates where id = $4) as archived",
      [draftA1, issuedA2, clinicA.id, rateA],
    );
    expect(rows).toEqual([{ draft: "draft", pays: 0, legal: null, archived: null }]);
  });
});

describe("clients", () => {
  it("see only their own issued invoices, never a draft, and their lines and payments", async () => {
    const mine = await withUser(userA1, (db) => listMyInvoices(db, clientA1, {}));
    expect(mine.items.map((i) => i.id)).toEqual([issuedA1]);
    const visible = await visibleRowsOfClinicA(userA1);
    expect(visible).toMatchObject({ invoices: 1, invoice_lines: 1, payments: 1, refunds: 1, credit_notes: 1 });
    const d = await withUser(userA1, (db) => getInvoice(db, clinicA.id, issuedA1));
    expect(d.payments).toHaveLength(1);
  });

  it("cannot read another client's invoice or their own draft, nor act as staff", async () => {
    const as = <T>(fn: (db: Db) => Promise<T>) => caught(withUser(userA1, fn));
    expect(await as((db) => getInvoice(db, clinicA.id, issuedA2))).toMatchObject({ code: "NOT_FOUND" });
    expect(await as((db) => getInvoice(db, clinicA.id, draftA1))).toMatchObject({ code: "NOT_FOUND" });
    expect((await withUser(userA1, (db) => listMyInvoices(db, clientA2, {}))).items).toEqual([]);
    expect((await withUser(userA1, (db) => listInvoices(db, clinicA.id, {}))).items.map((i) => i.id)).toEqual([
      issuedA1,
    ]);
    expect(await as((db) => issueInvoice(db, draftA1))).toMatchObject({ code: "INVOICE_NOT_FOUND" });
    expect(
      await as((db) =>
        recordPayment(db, issuedA1, { method: "cash", amountMinor: 1, idempotencyKey: "client-pays-1" }),
      ),
    ).toMatchObject({ code: "INVOICE_NOT_FOUND" });
    expect(await as((db) => createInvoice(db, { clinicId: clinicA.id }, { clientId: clientA1 }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await as((db) => getDailyTakings(db, clinicA.id, {}))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("cannot write any billing table directly", async () => {
    for (const sql of [
      "update public.invoices set paid_minor = total_minor where clinic_id = $1",
      "insert into public.payments (clinic_id, invoice_id, method, amount_minor, currency, idempotency_key) select clinic_id, id, 'cash', 1, 'EUR', 'direct-write-1' from public.invoices where clinic_id = $1",
      "delete from public.invoice_lines where clinic_id = $1",
    ]) {
      expect(await caught(withUser(userA1, (db) => db.query(sql, [clinicA.id])))).toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("the detector can fail", () => {
  it("reports clinic A's rows to clinic B's staff under a rolled-back permissive policy", async () => {
    const c = await testPool().connect();
    try {
      await c.query("begin");
      await c.query(
        `create policy "probe lets everyone read invoices" on public.invoices for select to authenticated using (true)`,
      );
      await c.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: staffB.userId, role: "authenticated" }),
      ]);
      await c.query("set local role authenticated");
      const leaked = await visibleRowsOfClinicA(staffB, c);
      expect(leaked.invoices).toBeGreaterThan(0);
    } finally {
      await c.query("rollback");
      c.release();
    }
  });
});
