// A signed visit's charges become the pet owner's draft invoice through public.create_invoice (source 'visit'):
// lines at the clinic's default tax rate, one invoice however often or however concurrently staff click, an open
// visit or a clinic without a default rate refused with the reason, and another clinic's staff reach nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as invoicePost } from "@/app/api/clinics/[clinic]/visits/[visitId]/invoice/route";
import { createInvoiceFromVisit } from "@/lib/billing/create-invoice-from-visit";
import { getInvoice } from "@/lib/billing/get-invoice";
import { updateBillingSettings } from "@/lib/billing/update-billing-settings";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addVisitCharge } from "@/lib/visits/add-visit-charge";
import { finalizeVisit } from "@/lib/visits/finalize-visit";
import { openVisit } from "@/lib/visits/open-visit";
import {
  createPetOwner,
  createService,
  createVet,
  race,
  type TestOwner,
  type TestService,
} from "../helpers/appointment-factories";
import { createTaxRate } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic, type TestUser } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";
import { call, signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let other: TestClinic;
let service: TestService;
let vet: TestUser;
let receptionist: TestUser & { cookie: string };
let otherStaff: TestUser;
let alice: TestOwner;
let rate: string;

async function visitWithCharges(opts: { sign?: boolean; charges?: boolean } = {}) {
  const visit = await withUser(vet, (db) => openVisit(db, clinic.id, { petId: alice.petId, reason: "Itching" }));
  const scope = { clinicId: clinic.id, visitId: visit.id };
  if (opts.charges ?? true) {
    await withUser(vet, async (db) => {
      await addVisitCharge(db, scope, { kind: "service", serviceId: service.id });
      await addVisitCharge(db, scope, { kind: "product", description: "Ear drops", quantity: 2, unitPriceCents: 850 });
    });
  }
  if (opts.sign ?? true) await withUser(vet, (db) => finalizeVisit(db, scope));
  return scope;
}

beforeAll(async () => {
  clinic = await createClinic();
  other = await createClinic();
  service = await createService(clinic.id, { name: "Dermatology consult" });
  vet = await createVet(clinic.id, { serviceIds: [service.id] });
  receptionist = await signedIn();
  await addStaff(clinic.id, "receptionist", receptionist);
  otherStaff = await addStaff(other.id, "admin");
  alice = await createPetOwner(clinic.id);
  rate = await createTaxRate(clinic.id, 2100, "VAT 21%");
  await withUser(clinic.owner, (db) => updateBillingSettings(db, clinic.id, { defaultTaxRateId: rate }));
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("invoicing a signed visit", () => {
  it("drafts an invoice for the pet's owner with each charge at the default rate, and returns it again on a repeat", async () => {
    const scope = await visitWithCharges();
    const first = await withUser(receptionist, (db) => createInvoiceFromVisit(db, scope));
    expect(first).toMatchObject({ clientId: alice.clientId, status: "draft", clinicId: clinic.id });
    const detail = await withUser(receptionist, (db) => getInvoice(db, clinic.id, first.id));
    expect(
      detail.lines.map((l) => [l.kind, l.description, l.quantity, l.unitPriceMinor, l.taxRateId, l.taxBasisPoints]),
    ).toEqual([
      ["service", "Dermatology consult", 1, 4500, rate, 2100],
      ["product", "Ear drops", 2, 850, rate, 2100],
    ]);
    const again = await withUser(vet, (db) => createInvoiceFromVisit(db, scope));
    expect(again.id).toBe(first.id);
    const { rows } = await testPool().query(
      "select source, source_ref from public.invoices where clinic_id = $1 and source_ref = $2",
      [clinic.id, scope.visitId],
    );
    expect(rows).toEqual([{ source: "visit", source_ref: scope.visitId }]);
  });

  it("gives ten concurrent clicks one invoice", async () => {
    const scope = await visitWithCharges();
    const out = await race<{ id: string }>(Array(10).fill(receptionist) as TestUser[], () => ({
      sql: "select id from public.create_invoice_from_visit(p_visit_id => $1)",
      params: [scope.visitId],
    }));
    expect(out.errors).toEqual([]);
    expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
    const { rows } = await testPool().query(
      "select count(*)::int as n from public.invoices where source = 'visit' and source_ref = $1",
      [scope.visitId],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it("refuses an open visit and a visit without charges", async () => {
    const open = await visitWithCharges({ sign: false });
    expect((await errorOf(withUser(receptionist, (db) => createInvoiceFromVisit(db, open)))).code).toBe(
      "VISIT_NOT_SIGNED",
    );
    const empty = await visitWithCharges({ charges: false });
    const e = await errorOf(withUser(receptionist, (db) => createInvoiceFromVisit(db, empty)));
    expect([e.code, Object.keys(e.fields ?? {})]).toEqual(["VISIT_HAS_NO_CHARGES", ["visitId"]]);
  });

  it("asks for the default tax rate when the clinic has none, naming the setting", async () => {
    const scope = await visitWithCharges();
    await testPool().query(
      "update public.clinic_billing_settings set default_tax_rate_id = null where clinic_id = $1",
      [clinic.id],
    );
    try {
      const e = await errorOf(withUser(receptionist, (db) => createInvoiceFromVisit(db, scope)));
      expect([e.code, Object.keys(e.fields ?? {})]).toEqual(["DEFAULT_TAX_RATE_REQUIRED", ["defaultTaxRateId"]]);
    } finally {
      await testPool().query(
        "update public.clinic_billing_settings set default_tax_rate_id = $2 where clinic_id = $1",
        [clinic.id, rate],
      );
    }
  });

  it("refuses another clinic's tax rate as the default, naming the field", async () => {
    const foreign = await createTaxRate(other.id, 1000);
    const e = await errorOf(
      withUser(clinic.owner, (db) => updateBillingSettings(db, clinic.id, { defaultTaxRateId: foreign })),
    );
    expect([e.code, Object.keys(e.fields ?? {})]).toEqual(["INVALID_INPUT", ["defaultTaxRateId"]]);
  });

  it("lets another clinic's staff neither invoice the visit nor learn that it exists", async () => {
    const scope = await visitWithCharges();
    expect((await errorOf(withUser(otherStaff, (db) => createInvoiceFromVisit(db, scope)))).code).toBe("NOT_FOUND");
    const direct = await errorOf(
      withUser(otherStaff, (db) => createInvoiceFromVisit(db, { clinicId: other.id, visitId: scope.visitId })),
    );
    expect(direct.code).toBe("NOT_FOUND");
    const { rows } = await testPool().query("select count(*)::int as n from public.invoices where source_ref = $1", [
      scope.visitId,
    ]);
    expect(rows[0]).toEqual({ n: 0 });
  });

  it("answers the button's POST over HTTP with the invoice, the same one twice", async () => {
    const scope = await visitWithCharges();
    const path = `/visits/${scope.visitId}/invoice`;
    const params = { visitId: scope.visitId };
    const a = await call(invoicePost, clinic.slug, "POST", path, receptionist.cookie, undefined, params);
    const b = await call(invoicePost, clinic.slug, "POST", path, receptionist.cookie, undefined, params);
    expect(a.status).toBe(200);
    expect((b.body.invoice as { id: string }).id).toBe((a.body.invoice as { id: string }).id);
  });

  it("answers a malformed visit id over HTTP with 422 naming visitId", async () => {
    const res = await call(invoicePost, clinic.slug, "POST", "/visits/nope/invoice", receptionist.cookie, undefined, {
      visitId: "nope",
    });
    expect(res.status).toBe(422);
    expect((res.body.error as { fields: Record<string, unknown> }).fields).toHaveProperty("visitId");
  });
});
