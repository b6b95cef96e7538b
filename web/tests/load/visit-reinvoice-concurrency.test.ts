// A visit has at most one live invoice, and a voided one can be replaced: many separate connections, each in its
// own transaction as a signed-in staff member, press "invoice this visit" at the same moment against the real
// Postgres, before and after a void.
//
// The guard is the partial unique index invoices_one_live_per_source (560): the losing inserts do nothing and
// return the winner's invoice. To see these tests fail without it, run:
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/load/visit-reinvoice-concurrency.test.ts
//
// beforeAll then drops the index in this run's throwaway database. Checked by hand on 2026-11-30: ten presses
// made 8 live invoices, and ten presses after a void made 7. Never set the variable in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvoiceFromVisit } from "@/lib/billing/create-invoice-from-visit";
import { listVisitInvoices } from "@/lib/billing/list-visit-invoices";
import { updateBillingSettings } from "@/lib/billing/update-billing-settings";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addVisitCharge } from "@/lib/visits/add-visit-charge";
import { finalizeVisit } from "@/lib/visits/finalize-visit";
import { openVisit } from "@/lib/visits/open-visit";
import { createPetOwner, createVet, race, type TestOwner } from "../helpers/appointment-factories";
import { createTaxRate } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { caught } from "../helpers/rejections";

const withoutGuard = process.env.VETE_PROVE_WITHOUT_GUARD === "1";

let clinic: TestClinic;
let vet: TestUser;
let receptionist: TestUser;
let alice: TestOwner;

async function signedVisit() {
  const visit = await withUser(vet, (db) => openVisit(db, clinic.id, { petId: alice.petId, reason: "Limping" }));
  const scope = { clinicId: clinic.id, visitId: visit.id };
  await withUser(vet, async (db) => {
    await addVisitCharge(db, scope, { kind: "product", description: "Bandage", quantity: 1, unitPriceCents: 1200 });
    await finalizeVisit(db, scope);
  });
  return scope;
}

function pressTen(visitId: string) {
  return race<{ id: string }>(Array(10).fill(receptionist) as TestUser[], () => ({
    sql: "select id from public.create_invoice_from_visit(p_visit_id => $1)",
    params: [visitId],
  }));
}

async function invoicesOf(visitId: string) {
  const { rows } = await testPool().query<{ id: string; status: string }>(
    "select id, status::text from public.invoices where source = 'visit' and source_ref = $1 order by created_at",
    [visitId],
  );
  return { live: rows.filter((r) => r.status !== "void"), all: rows };
}

async function voidAsOwner(invoiceId: string) {
  await withUser(clinic.owner, (db) =>
    db.query("select id from public.void_invoice(p_invoice_id => $1, p_reason => $2)", [invoiceId, "Wrong owner"]),
  );
}

beforeAll(async () => {
  if (withoutGuard) await testPool().query("drop index public.invoices_one_live_per_source");
  clinic = await createClinic();
  vet = await createVet(clinic.id);
  receptionist = await addStaff(clinic.id, "receptionist");
  alice = await createPetOwner(clinic.id);
  const rate = await createTaxRate(clinic.id, 2100);
  await withUser(clinic.owner, (db) => updateBillingSettings(db, clinic.id, { defaultTaxRateId: rate }));
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("one live invoice per visit, and invoicing again after a void", () => {
  it("gives ten concurrent presses one live invoice", async () => {
    const scope = await signedVisit();
    const out = await pressTen(scope.visitId);
    expect(out.errors).toEqual([]);
    expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
    expect((await invoicesOf(scope.visitId)).live).toHaveLength(1);
  });

  it("makes a new draft after the invoice is voided, and lists the void one beside it", async () => {
    const scope = await signedVisit();
    const first = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    await voidAsOwner(first.id);
    const again = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    expect(again.id).not.toBe(first.id);
    expect(again.status).toBe("draft");
    const repeat = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    expect(repeat.id).toBe(again.id);
    const listed = await withUser(receptionist, (db) => listVisitInvoices(db, scope));
    expect(listed.live?.id).toBe(again.id);
    expect(listed.voided.map((v) => [v.id, v.voidReason])).toEqual([[first.id, "Wrong owner"]]);
  });

  it("gives ten concurrent presses after a void one new live invoice", async () => {
    const scope = await signedVisit();
    const first = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    await voidAsOwner(first.id);
    const out = await pressTen(scope.visitId);
    expect(out.errors).toEqual([]);
    const ids = new Set(out.ok.map((r) => r.id));
    expect(ids.size).toBe(1);
    expect(ids.has(first.id)).toBe(false);
    const { live, all } = await invoicesOf(scope.visitId);
    expect([live.length, all.length]).toEqual([1, 2]);
  });

  it("returns the live invoice when create_invoice is called directly with the visit as source", async () => {
    const scope = await signedVisit();
    const live = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    const { rows } = await withUser(receptionist, (db) =>
      db.query<{ id: string }>(
        "select id from public.create_invoice(p_clinic_id => $1, p_client_id => $2, p_source => 'visit', p_source_ref => $3)",
        [clinic.id, alice.clientId, scope.visitId],
      ),
    );
    expect(rows).toEqual([{ id: live.id }]);
  });

  it.skipIf(withoutGuard)("refuses a second live invoice for a visit even from the tables' owner", async () => {
    const scope = await signedVisit();
    const live = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    const e = (await caught(
      testPool().query(
        `insert into public.invoices (clinic_id, client_id, currency, prices_include_tax, source, source_ref)
         select clinic_id, client_id, currency, prices_include_tax, source, source_ref from public.invoices where id = $1`,
        [live.id],
      ),
    )) as { code?: string; constraint?: string };
    expect([e.code, e.constraint]).toEqual(["23505", "invoices_one_live_per_source"]);
  });
});
