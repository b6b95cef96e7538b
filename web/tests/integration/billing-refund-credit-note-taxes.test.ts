// Refund credit notes carry their tax per rate (migration 570), against the real Postgres: the refunded gross is
// allocated across the invoice's rates in proportion to what each rate still has to credit, so every note's
// rows add up to its amount, no rate is ever credited beyond what the invoice billed at it, and giving back a
// whole fully paid invoice nets every rate to exactly zero; a correction after a refund is held to what the
// refund left of its rate. Desk refunds here; the Stripe refund path is in
// invoice-online-payments.test.ts. Both go through the same trigger on credit_notes.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Invoice, Payment } from "@/lib/billing/invoice-record";
import { issueCreditNote } from "@/lib/billing/issue-credit-note";
import { recordPayment } from "@/lib/billing/record-payment";
import { refundPayment } from "@/lib/billing/refund-payment";
import { withUser } from "@/lib/db/context";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { closePool } from "@/lib/db/pool";
import { race } from "../helpers/appointment-factories";
import { createTaxRate, issuedAs, line, setPricesIncludeTax } from "../helpers/billing-factories";
import { closeTestPool, createClient, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

interface Setup {
  clinic: TestClinic;
  clientId: string;
  r21: string;
  r10: string;
  r0: string;
}
const modes: Record<"exclusive" | "inclusive", Setup> = {} as Record<"exclusive" | "inclusive", Setup>;

beforeAll(async () => {
  for (const mode of ["exclusive", "inclusive"] as const) {
    const clinic = await createClinic();
    const clientId = (await createClient(clinic.id)).id;
    await setPricesIncludeTax(clinic.id, mode === "inclusive");
    modes[mode] = {
      clinic,
      clientId,
      r21: await createTaxRate(clinic.id, 2100, "General"),
      r10: await createTaxRate(clinic.id, 1000, "Reduced"),
      r0: await createTaxRate(clinic.id, 0, "Exempt"),
    };
  }
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

/** Odd amounts at 21%, 10% and 0%, so every split has remainders to round. */
async function mixedInvoice(s: Setup): Promise<Invoice & { totalMinor: number }> {
  const inv = await issuedAs(s.clinic.owner, s.clinic.id, s.clientId, [
    line(s.r21, 4999, { description: "Surgery" }),
    line(s.r10, 1234, { kind: "product", description: "Antibiotic", quantity: 3 }),
    line(s.r21, 777, { description: "Dressing" }),
    line(s.r0, 1777, { description: "Exempt test" }),
  ]);
  return { ...inv, totalMinor: Number(inv.totalMinor) };
}

async function lineIds(invoiceId: string): Promise<string[]> {
  const { rows } = await testPool().query<{ id: string }>(
    "select id from public.invoice_lines where invoice_id = $1 order by position",
    [invoiceId],
  );
  return rows.map((r) => r.id);
}

/** Per rate: the invoice's gross (501's breakdown) and the gross its credit notes have taken. */
async function perRate(invoiceId: string): Promise<Record<number, { billed: number; credited: number }>> {
  const { rows } = await testPool().query<{ bp: number; billed: string; credited: string }>(
    `select b.basis_points as bp, b.gross_minor as billed,
            coalesce((select sum(x.gross_minor) from public.credit_note_taxes x
                       where x.invoice_id = $1 and x.basis_points = b.basis_points), 0) as credited
       from public.invoice_tax_breakdown($1) b`,
    [invoiceId],
  );
  return Object.fromEntries(rows.map((r) => [r.bp, { billed: Number(r.billed), credited: Number(r.credited) }]));
}

/** Credit notes whose tax rows do not add up to their amount (none, when the rule holds). */
async function unbalancedNotes(where = "true", params: unknown[] = []) {
  const { rows } = await testPool().query<{ number: string; amount: string; taxed: string }>(
    `select n.number, n.amount_minor as amount,
            coalesce((select sum(x.gross_minor) from public.credit_note_taxes x where x.credit_note_id = n.id), 0) as taxed
       from public.credit_notes n
      where ${where} and n.amount_minor <> coalesce((select sum(x.gross_minor) from public.credit_note_taxes x
                                                     where x.credit_note_id = n.id), 0)`,
    params,
  );
  return rows;
}

async function expectInvariants(invoiceId: string) {
  expect(await unbalancedNotes("n.invoice_id = $1", [invoiceId])).toEqual([]);
  for (const [bp, r] of Object.entries(await perRate(invoiceId))) {
    expect(r.credited, `rate ${bp} credited beyond its gross`).toBeLessThanOrEqual(r.billed);
  }
}

async function expectEveryRateNetted(invoiceId: string) {
  const rates = await perRate(invoiceId);
  for (const r of Object.values(rates)) expect(r.credited).toBe(r.billed);
}

async function balanceOf(invoiceId: string): Promise<number> {
  const { rows } = await testPool().query<{ balance: string }>(
    "select total_minor - credited_minor - (paid_minor - refunded_minor) as balance from public.invoices where id = $1",
    [invoiceId],
  );
  return Number(rows[0]!.balance);
}

describe.each(["exclusive", "inclusive"] as const)(
  "refund credit notes of a mixed invoice (prices %s of tax)",
  (mode) => {
    const pay = (s: Setup, invoiceId: string, amountMinor: number, key: string) =>
      withUser(s.clinic.owner, (db) =>
        recordPayment(db, invoiceId, { method: "cash", amountMinor, idempotencyKey: `${key}-${invoiceId}` }),
      );
    const refund = (s: Setup, paymentId: string, amountMinor: number, key: string) =>
      withUser(s.clinic.owner, (db) =>
        refundPayment(db, paymentId, { amountMinor, reason: "Client asked", idempotencyKey: `${key}-${paymentId}` }),
      );

    it("allocates a refund by the rates' shares, with tax per rate by the rule for gross amounts", async () => {
      const s = modes[mode];
      const inv = await mixedInvoice(s);
      const payment = await pay(s, inv.id, inv.totalMinor, "all");
      await refund(s, payment.id, 1000, "part");
      const { rows } = await testPool().query<{ bp: number; net: string; tax: string; gross: string; name: string }>(
        `select x.basis_points as bp, x.rate_name as name, x.net_minor as net, x.tax_minor as tax, x.gross_minor as gross
         from public.credit_note_taxes x join public.credit_notes n on n.id = x.credit_note_id
        where n.invoice_id = $1 order by x.basis_points desc`,
        [inv.id],
      );
      const billed = await perRate(inv.id);
      // the expected split, worked out here independently: floor shares, leftover units to the largest remainders
      const shares = [2100, 1000, 0].map((bp) => ({ bp, exact: (1000 * billed[bp]!.billed) / inv.totalMinor }));
      const gross = new Map(shares.map((x) => [x.bp, Math.floor(x.exact)]));
      const left = 1000 - [...gross.values()].reduce((a, b) => a + b, 0);
      [...shares]
        .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || b.bp - a.bp)
        .slice(0, left)
        .forEach((x) => gross.set(x.bp, gross.get(x.bp)! + 1));
      expect(
        rows.map((r) => ({ bp: r.bp, name: r.name, net: Number(r.net), tax: Number(r.tax), gross: Number(r.gross) })),
      ).toEqual(
        [2100, 1000, 0].map((bp) => {
          const g = gross.get(bp)!;
          const net = Math.round((g * 10000) / (10000 + bp));
          return { bp, name: { 2100: "General", 1000: "Reduced", 0: "Exempt" }[bp], net, tax: g - net, gross: g };
        }),
      );
      await expectInvariants(inv.id);
    });

    it("never credits a rate beyond its gross through partial refunds and corrections, and nets to zero at the end", async () => {
      const s = modes[mode];
      const inv = await mixedInvoice(s);
      const [surgery, antibiotic, , exempt] = await lineIds(inv.id);
      const p1 = await pay(s, inv.id, 3000, "p1");
      await refund(s, p1.id, 1001, "r1");
      await expectInvariants(inv.id);
      // a correction of part of two lines while money is still owed
      await withUser(s.clinic.owner, (db) =>
        issueCreditNote(db, inv.id, {
          lines: [
            { lineId: surgery!, amountMinor: 999 },
            { lineId: antibiotic!, amountMinor: 333 },
          ],
          reason: "Discount agreed",
          idempotencyKey: `corr-1-${inv.id}`,
        }),
      );
      await expectInvariants(inv.id);
      await refund(s, p1.id, 7, "r2");
      await expectInvariants(inv.id);
      // the refunds took part of the 0% rate: the whole exempt line would credit 0% beyond what it billed
      const correctExempt = (amountMinor: number, key: string) =>
        withUser(s.clinic.owner, (db) =>
          issueCreditNote(db, inv.id, {
            lines: [{ lineId: exempt!, amountMinor }],
            reason: "Billed by mistake",
            idempotencyKey: `${key}-${inv.id}`,
          }),
        );
      const refused = await errorOf(correctExempt(1777, "corr-2"));
      expect(refused.code).toBe("CREDIT_EXCEEDS_RATE");
      expect(refused.fields).toHaveProperty("lines");
      const exemptRate = (await perRate(inv.id))[0]!;
      expect(exemptRate.credited).toBeGreaterThan(0);
      await correctExempt(exemptRate.billed - exemptRate.credited, "corr-3");
      await expectInvariants(inv.id);
      expect((await perRate(inv.id))[0]).toEqual({ billed: 1777, credited: 1777 });
      const p2 = await pay(s, inv.id, await balanceOf(inv.id), "p2");
      expect(await balanceOf(inv.id)).toBe(0);
      await refund(s, p2.id, 2345, "r3");
      await expectInvariants(inv.id);
      // everything paid goes back: the invoice is credited in full, and so is each rate
      await refund(s, p1.id, 3000 - 1001 - 7, "r4");
      await refund(s, p2.id, p2.amountMinor - 2345, "r5");
      await expectInvariants(inv.id);
      const { rows } = await testPool().query<{ credited: string }>(
        "select credited_minor as credited from public.invoices where id = $1",
        [inv.id],
      );
      expect(Number(rows[0]!.credited)).toBe(inv.totalMinor);
      await expectEveryRateNetted(inv.id);
    });

    it("nets every rate to exactly zero when a fully paid invoice is refunded in full in one refund or in several", async () => {
      const s = modes[mode];
      const once = await mixedInvoice(s);
      const all = await pay(s, once.id, once.totalMinor, "whole");
      await refund(s, all.id, once.totalMinor, "whole");
      await expectInvariants(once.id);
      await expectEveryRateNetted(once.id);

      const split = await mixedInvoice(s);
      const a = await pay(s, split.id, 1111, "a");
      const b = await pay(s, split.id, split.totalMinor - 1111, "b");
      for (const [payment, amount, key] of [
        [b, 1, "b1"],
        [a, 555, "a1"],
        [b, 3333, "b2"],
        [a, 556, "a2"],
        [b, split.totalMinor - 1111 - 1 - 3333, "b3"],
      ] as const) {
        await refund(s, payment.id, amount, key);
        await expectInvariants(split.id);
      }
      await expectEveryRateNetted(split.id);
    });

    it("nets every rate to zero when refunds of different payments of one invoice run at once", async () => {
      const s = modes[mode];
      const inv = await mixedInvoice(s);
      const amounts = [1001, 2002, 3003, inv.totalMinor - 6006];
      const payments: Payment[] = [];
      for (const [i, amount] of amounts.entries()) payments.push(await pay(s, inv.id, amount, `race-pay-${i}`));
      const out = await race(
        payments.map(() => s.clinic.owner),
        (i) => ({
          sql: "select id from public.refund_payment(p_payment_id => $1, p_amount_minor => $2, p_reason => 'Client asked', p_idempotency_key => $3)",
          params: [payments[i]!.id, amounts[i], `race-refund-${i}-${inv.id}`],
        }),
      );
      expect(out.errors).toEqual([]);
      await expectInvariants(inv.id);
      await expectEveryRateNetted(inv.id);
    });
  },
);

describe("the backfill of refund credit notes issued before migration 570", () => {
  it("gives older refund notes their tax per rate, oldest first, so a refunded invoice nets every rate to zero", async () => {
    const s = modes.exclusive;
    const inv = await mixedInvoice(s);
    const payment = await withUser(s.clinic.owner, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: inv.totalMinor, idempotencyKey: `legacy-${inv.id}` }),
    );
    // refunds as they were recorded before 570: no triggers for this one transaction (replica mode)
    const claims = JSON.stringify({ sub: s.clinic.owner.userId, email: s.clinic.owner.email, role: "authenticated" });
    const c = await testPool().connect();
    try {
      await c.query("begin");
      await c.query("set local session_replication_role = replica");
      await c.query(`set local role authenticated; set local request.jwt.claims = ${c.escapeLiteral(claims)}`);
      for (const [i, amount] of [1234, 5, inv.totalMinor - 1239].entries()) {
        await c.query("select public.refund_payment($1, $2, 'Before the tax split', $3)", [
          payment.id,
          amount,
          `legacy-${i}-${inv.id}`,
        ]);
      }
      await c.query("commit");
    } catch (err) {
      await c.query("rollback");
      throw err;
    } finally {
      c.release();
    }
    expect((await perRate(inv.id))[2100]!.credited).toBe(0);
    // the migration's own backfill block, run again here
    const migration = await readFile(path.join(MIGRATIONS_DIR, "570_record_refund_credit_note_taxes.sql"), "utf8");
    const backfill = /^do \$\$[\s\S]*?^\$\$;/m.exec(migration)?.[0];
    expect(backfill).toBeDefined();
    await testPool().query(backfill!);
    await expectInvariants(inv.id);
    await expectEveryRateNetted(inv.id);
    const before = await perRate(inv.id);
    await testPool().query(backfill!); // a second run finds nothing to do
    expect(await perRate(inv.id)).toEqual(before);
  });
});

describe("every credit note of every clinic", () => {
  it("has tax rows whose gross adds up to its amount", async () => {
    expect(await unbalancedNotes()).toEqual([]);
  });
});
