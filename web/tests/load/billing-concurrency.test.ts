// Money and numbering under real concurrency: many separate connections, each in its own transaction as a
// signed-in staff member (RLS applies), fire at the same moment against the real Postgres.
//
// The guards: private.next_document_number holds the clinic's counter row FOR UPDATE until the issuing
// transaction commits (gapless, no duplicates); private.apply_payment holds the invoice row FOR UPDATE, so
// each payment sees the balance the previous one committed and a replayed key finds the first row (backed by
// the check constraint invoices_paid_within_total and the unique payments_idempotency_key). To see these
// tests fail without the guards, run:
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/load/billing-concurrency.test.ts
//
// beforeAll then rewrites both functions without FOR UPDATE and drops the constraint and the unique key in
// this run's throwaway database. Checked by hand on 2026-11-30: 14 of the 50 issues failed on duplicate
// numbers (23505), 12 of the 20 balance payments went through, and 20 replays recorded 16 payments. The
// refund race still passed then: refund_payment locks the invoice through lock_invoice_for_staff, which this
// mode leaves in place. Never set the variable in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePool } from "@/lib/db/pool";
import { race } from "../helpers/appointment-factories";
import { createTaxRate, draftAs, issuedAs, line } from "../helpers/billing-factories";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

const withoutGuard = process.env.VETE_PROVE_WITHOUT_GUARD === "1";

let clinic: TestClinic;
let staff: TestUser;
let clientId: string;
let rate: string;

async function dropForUpdate(signature: string) {
  const { rows } = await testPool().query<{ def: string }>("select pg_get_functiondef($1::regprocedure) as def", [
    signature,
  ]);
  const def = rows[0]!.def;
  await testPool().query(def.replace(/\s+for update;/gi, ";"));
}

beforeAll(async () => {
  if (withoutGuard) {
    await dropForUpdate("private.next_document_number(uuid,text,integer)");
    await dropForUpdate("private.apply_payment(uuid,public.payment_method,bigint,text,text,text,text,uuid)");
    await testPool().query("alter table public.invoices drop constraint invoices_paid_within_total");
    await testPool().query("alter table public.payments drop constraint payments_idempotency_key");
  }
  clinic = await createClinic();
  staff = await addStaff(clinic.id, "receptionist");
  clientId = (await createClient(clinic.id)).id;
  rate = await createTaxRate(clinic.id, 2100);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("gapless invoice numbers", () => {
  it("gives 50 concurrent issues 50 consecutive numbers, no gap, no duplicate", async () => {
    const drafts: { id: string }[] = [];
    for (let i = 0; i < 50; i++) drafts.push(await draftAs(staff, clinic.id, clientId, [line(rate, 1000 + i)]));
    const out = await race<{ seq: number; number: string }>(
      drafts.map(() => staff),
      (i) => ({ sql: "select seq, number from public.issue_invoice(p_invoice_id => $1)", params: [drafts[i]!.id] }),
    );
    expect(out.errors).toEqual([]);
    const seqs = out.ok.map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(out.ok.map((r) => r.number)).size).toBe(50);
    const { rows } = await testPool().query<{ last_number: number }>(
      "select last_number from public.document_counters where clinic_id = $1 and series = 'invoice'",
      [clinic.id],
    );
    expect(rows).toEqual([{ last_number: 50 }]);
  });

  it("leaves no gap when an issue rolls back", async () => {
    const { rows: before } = await testPool().query<{ n: number }>(
      "select last_number as n from public.document_counters where clinic_id = $1 and series = 'invoice'",
      [clinic.id],
    );
    const draft = await draftAs(staff, clinic.id, clientId, [line(rate, 1000)]);
    const c = await testPool().connect();
    try {
      await c.query("begin");
      await c.query("select private.next_document_number($1, 'invoice', 2000)", [clinic.id]);
      await c.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify({ sub: staff.userId })]);
      await c.query("select * from public.issue_invoice(p_invoice_id => $1)", [draft.id]);
      await c.query("rollback");
    } finally {
      c.release();
    }
    const again = await issuedAs(staff, clinic.id, clientId, [line(rate, 1000)]);
    expect(Number(again.number?.slice(-6))).toBe(before[0]!.n + 1);
  });
});

describe("payments applied under the invoice's lock", () => {
  it("lets exactly one of 20 concurrent payments of the remaining balance through", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(rate, 10000)]);
    const out = await race<{ id: string }>(
      Array.from({ length: 20 }, () => staff),
      (i) => ({
        sql: "select id from public.record_payment(p_invoice_id => $1, p_method => 'cash', p_amount_minor => $2, p_idempotency_key => $3)",
        params: [inv.id, inv.totalMinor, `balance-${inv.id}-${i}`],
      }),
    );
    expect(out.ok).toHaveLength(1);
    expect(out.errors).toHaveLength(19);
    expect(new Set(out.errors.map((e) => e.message))).toEqual(new Set(["payment_exceeds_balance"]));
    const { rows } = await testPool().query("select status, paid_minor from public.invoices where id = $1", [inv.id]);
    expect(rows).toEqual([{ status: "paid", paid_minor: inv.totalMinor }]);
  });

  it("records 20 concurrent replays of one payment once, and each replay returns that row", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(rate, 10000)]);
    const out = await race<{ id: string }>(
      Array.from({ length: 20 }, () => staff),
      () => ({
        sql: "select id from public.record_payment(p_invoice_id => $1, p_method => 'card_terminal', p_amount_minor => 5000, p_idempotency_key => $2)",
        params: [inv.id, `replay-${inv.id}`],
      }),
    );
    expect(out.errors).toEqual([]);
    expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
    const { rows } = await testPool().query("select count(*)::int as n from public.payments where invoice_id = $1", [
      inv.id,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
    const { rows: inv2 } = await testPool().query("select paid_minor from public.invoices where id = $1", [inv.id]);
    expect(inv2).toEqual([{ paid_minor: 5000 }]);
  });

  it("refuses a replayed key with a different amount", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(rate, 10000)]);
    const pay = (amount: number) =>
      race<{ id: string }>([staff], () => ({
        sql: "select id from public.record_payment(p_invoice_id => $1, p_method => 'cash', p_amount_minor => $2, p_idempotency_key => $3)",
        params: [inv.id, amount, `changed-${inv.id}`],
      }));
    expect((await pay(100)).ok).toHaveLength(1);
    expect((await pay(200)).errors.map((e) => e.message)).toEqual(["idempotency_key_reused"]);
  });

  it("lets only one of 10 concurrent full refunds of a payment through", async () => {
    const inv = await issuedAs(staff, clinic.id, clientId, [line(rate, 1000)]);
    const paid = await race<{ id: string }>([staff], () => ({
      sql: "select id from public.record_payment(p_invoice_id => $1, p_method => 'cash', p_amount_minor => $2, p_idempotency_key => $3)",
      params: [inv.id, inv.totalMinor, `full-${inv.id}`],
    }));
    const paymentId = paid.ok[0]!.id;
    const out = await race<{ id: string }>(
      Array.from({ length: 10 }, () => clinic.owner),
      (i) => ({
        sql: "select id from public.refund_payment(p_payment_id => $1, p_amount_minor => $2, p_reason => 'returned', p_idempotency_key => $3)",
        params: [paymentId, inv.totalMinor, `refund-${paymentId}-${i}`],
      }),
    );
    expect(out.ok).toHaveLength(1);
    expect(new Set(out.errors.map((e) => e.message))).toEqual(new Set(["refund_exceeds_payment"]));
  });
});
