// Corrective credit notes (migration 550) against the real Postgres: amounts of an issued invoice's lines
// reversed, tax per rate by the invoice's own rule, never beyond what is still owed, once per key, only by the
// clinic's owners and admins. The races use separate connections, each a signed-in owner under RLS.
//
// The guard is the invoice row lock in private.issue_credit_note. To see the races fail without it, run:
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/integration/billing-credit-notes.test.ts
//
// beforeAll then rewrites that function without FOR UPDATE in this run's throwaway database. Checked by hand
// on 2026-11-30: all 20 credits of the remaining balance went through, 9 of the 10 full credits, and 9 of the
// 10 replays failed on the unique key (23505) instead of returning the first note. Never set the variable in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as staffPdf } from "@/app/[clinic]/staff/invoices/[invoiceId]/pdf/route";
import { POST as creditNotesPost } from "@/app/api/clinics/[clinic]/invoices/[invoiceId]/credit-notes/route";
import { getInvoice } from "@/lib/billing/get-invoice";
import { issueCreditNote, type IssueCreditNoteInput } from "@/lib/billing/issue-credit-note";
import { recordPayment } from "@/lib/billing/record-payment";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { formatMoney } from "@/lib/format/money";
import { appUrl } from "../helpers/auth-http";
import { race } from "../helpers/appointment-factories";
import { createTaxRate, draftAs, issuedAs, line, setPricesIncludeTax } from "../helpers/billing-factories";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { pdfText } from "../helpers/pdf-text";
import { errorOf } from "../helpers/rejections";
import { call, signedIn } from "../helpers/route-calls";

const withoutGuard = process.env.VETE_PROVE_WITHOUT_GUARD === "1";

let clinic: TestClinic;
let owner: TestUser;
let client: TestUser;
let clientId: string;
let r21: string;
let r10: string;
let r0: string;

const creditSql =
  "select id, number, amount_minor::int as amount from public.issue_credit_note(p_invoice_id => $1, p_lines => $2::jsonb, p_reason => $3, p_idempotency_key => $4)";
const linesJson = (items: { lineId: string; amountMinor: number }[]) =>
  JSON.stringify(items.map((i) => ({ line_id: i.lineId, amount_minor: i.amountMinor })));

async function lineIds(invoiceId: string): Promise<string[]> {
  const { rows } = await testPool().query<{ id: string }>(
    "select id from public.invoice_lines where invoice_id = $1 order by position",
    [invoiceId],
  );
  return rows.map((r) => r.id);
}

async function invoiceState(invoiceId: string) {
  const { rows } = await testPool().query<{ status: string; credited: number; notes: number }>(
    `select i.status, i.credited_minor::int as credited,
            (select count(*)::int from public.credit_notes n where n.invoice_id = i.id) as notes
       from public.invoices i where i.id = $1`,
    [invoiceId],
  );
  return rows[0];
}

const credit = (user: TestUser, invoiceId: string, input: IssueCreditNoteInput) =>
  withUser(user, (db) => issueCreditNote(db, invoiceId, input));

beforeAll(async () => {
  if (withoutGuard) {
    const { rows } = await testPool().query<{ def: string }>(
      "select pg_get_functiondef('private.issue_credit_note(uuid,jsonb,text,text)'::regprocedure) as def",
    );
    await testPool().query(rows[0]!.def.replace(/\s+for update;/gi, ";"));
  }
  clinic = await createClinic();
  owner = clinic.owner;
  const c = await createClient(clinic.id);
  clientId = c.id;
  client = c.user!;
  r21 = await createTaxRate(clinic.id, 2100, "General");
  r10 = await createTaxRate(clinic.id, 1000, "Reduced");
  r0 = await createTaxRate(clinic.id, 0, "Exempt");
  await setPricesIncludeTax(clinic.id, false);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("corrective credit notes under the invoice's lock", () => {
  it("lets exactly one of 20 concurrent credits of the remaining balance through", async () => {
    // 20 lines of 10.00 at 0%; 190.00 paid, so 10.00 is owed and each racer credits a different whole line
    const inv = await issuedAs(
      owner,
      clinic.id,
      clientId,
      Array.from({ length: 20 }, () => line(r0, 1000)),
    );
    await withUser(owner, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 19000, idempotencyKey: `pay-${inv.id}` }),
    );
    const ids = await lineIds(inv.id);
    const out = await race<{ id: string }>(
      ids.map(() => owner),
      (i) => ({
        sql: creditSql,
        params: [inv.id, linesJson([{ lineId: ids[i]!, amountMinor: 1000 }]), "Billed twice", `race-${inv.id}-${i}`],
      }),
    );
    expect(out.ok).toHaveLength(1);
    expect(new Set(out.errors.map((e) => e.message))).toEqual(new Set(["credit_exceeds_balance"]));
    expect(await invoiceState(inv.id)).toEqual({ status: "paid", credited: 1000, notes: 1 });
  });

  it("lets exactly one of 10 concurrent full credits of an unpaid invoice through", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 5000), line(r10, 3000)]);
    const ids = await lineIds(inv.id);
    const all = linesJson([
      { lineId: ids[0]!, amountMinor: 5000 },
      { lineId: ids[1]!, amountMinor: 3000 },
    ]);
    const out = await race<{ amount: number }>(
      Array.from({ length: 10 }, () => owner),
      (i) => ({ sql: creditSql, params: [inv.id, all, "Wrong client", `full-${inv.id}-${i}`] }),
    );
    expect(out.ok.map((r) => r.amount)).toEqual([inv.totalMinor]);
    expect(out.errors).toHaveLength(9);
    expect(await invoiceState(inv.id)).toEqual({ status: "paid", credited: inv.totalMinor, notes: 1 });
  });

  it("records 10 concurrent replays of one key once, and each replay returns that note", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 10000)]);
    const [id] = await lineIds(inv.id);
    const out = await race<{ id: string }>(
      Array.from({ length: 10 }, () => owner),
      () => ({
        sql: creditSql,
        params: [inv.id, linesJson([{ lineId: id!, amountMinor: 2500 }]), "Goodwill", `replay-${inv.id}`],
      }),
    );
    expect(out.errors).toEqual([]);
    expect(new Set(out.ok.map((r) => r.id)).size).toBe(1);
    expect(await invoiceState(inv.id)).toEqual({ status: "issued", credited: 3025, notes: 1 });
  });

  it("refuses a replayed key with a different amount", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 10000)]);
    const [id] = await lineIds(inv.id);
    const key = `changed-${inv.id}`;
    await credit(owner, inv.id, {
      lines: [{ lineId: id!, amountMinor: 100 }],
      reason: "Goodwill",
      idempotencyKey: key,
    });
    const err = await errorOf(
      credit(owner, inv.id, { lines: [{ lineId: id!, amountMinor: 200 }], reason: "Goodwill", idempotencyKey: key }),
    );
    expect(err.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(err.fields).toHaveProperty("idempotencyKey");
    expect((await invoiceState(inv.id))?.notes).toBe(1);
  });
});

describe("what a correction may credit", () => {
  it("computes the tax per rate by the invoice's rule for a mixed 21%/10%/0% invoice, stored for a tax report", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [
      line(r21, 10000),
      line(r10, 5000),
      line(r0, 2000),
      line(r21, 1999, { quantity: 3 }),
    ]);
    const ids = await lineIds(inv.id);
    // exclusive prices: tax = round_half_up(net x rate) per rate over the credited amounts, never per line
    const note = await credit(owner, inv.id, {
      lines: [
        { lineId: ids[0]!, amountMinor: 3333 },
        { lineId: ids[3]!, amountMinor: 1001 },
        { lineId: ids[1]!, amountMinor: 1555 },
        { lineId: ids[2]!, amountMinor: 2000 },
      ],
      reason: "Services not given",
      idempotencyKey: `mixed-${inv.id}`,
    });
    const expected = [
      { basis_points: 2100, rate_name: "General", net: 4334, tax: Math.round(4334 * 0.21), gross: 4334 + 910 },
      { basis_points: 1000, rate_name: "Reduced", net: 1555, tax: 156, gross: 1711 },
      { basis_points: 0, rate_name: "Exempt", net: 2000, tax: 0, gross: 2000 },
    ];
    const { rows } = await testPool().query(
      `select basis_points, rate_name, net_minor::int as net, tax_minor::int as tax, gross_minor::int as gross
         from public.credit_note_taxes where credit_note_id = $1 order by basis_points desc`,
      [note.id],
    );
    expect(rows).toEqual(expected);
    expect(note.amountMinor).toBe(5244 + 1711 + 2000);
    expect(note.number).toMatch(/^CN-\d{4}-\d{6}$/);
    expect(note.kind).toBe("correction");
    // what a tax report nets per rate: the invoice's tax less its credit notes'
    const { rows: net } = await testPool().query(
      `select b.basis_points, (b.tax_minor - coalesce(t.tax_minor, 0))::int as tax
         from public.invoices i
         cross join lateral (select l.tax_basis_points as basis_points, p.tax_minor
                               from (select tax_basis_points, sum(private.line_amount(quantity, unit_price_minor, discount_minor))::bigint as amount
                                       from public.invoice_lines where invoice_id = i.id group by 1) l
                               cross join lateral private.apply_tax_rule(l.amount, l.tax_basis_points, false) p) b
         left join public.credit_note_taxes t on t.invoice_id = i.id and t.basis_points = b.basis_points
        where i.id = $1 order by 1 desc`,
      [inv.id],
    );
    expect(net).toEqual([
      { basis_points: 2100, tax: Math.round((10000 + 5997) * 0.21) - 910 },
      { basis_points: 1000, tax: 500 - 156 },
      { basis_points: 0, tax: 0 },
    ]);
    const after = await withUser(owner, (db) => getInvoice(db, clinic.id, inv.id));
    expect(after.invoice.balanceMinor).toBe((inv.totalMinor ?? 0) - note.amountMinor);
    expect(after.invoice.status).toBe("issued");
    expect(after.creditNotes.map((n) => n.number)).toEqual([note.number]);
  });

  it("extracts the tax from the credited amount when the invoice's prices include tax", async () => {
    const incl = await createClinic();
    const rate = await createTaxRate(incl.id, 2100, "IVA");
    await setPricesIncludeTax(incl.id, true);
    const who = (await createClient(incl.id)).id;
    const inv = await issuedAs(incl.owner, incl.id, who, [line(rate, 12100)]);
    const [id] = await lineIds(inv.id);
    const note = await credit(incl.owner, inv.id, {
      lines: [{ lineId: id!, amountMinor: 1210 }],
      reason: "Goodwill discount",
      idempotencyKey: `incl-${inv.id}`,
    });
    expect(note.amountMinor).toBe(1210);
    const { rows } = await testPool().query(
      "select net_minor::int as net, tax_minor::int as tax from public.credit_note_taxes where credit_note_id = $1",
      [note.id],
    );
    expect(rows).toEqual([{ net: 1000, tax: 210 }]);
  });

  it("refuses more than what is left of a line, and says to refund when the rest was paid", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r0, 6000), line(r0, 4000)]);
    const [a, b] = await lineIds(inv.id);
    const tooMuch = await errorOf(
      credit(owner, inv.id, {
        lines: [{ lineId: a!, amountMinor: 6001 }],
        reason: "Typo",
        idempotencyKey: `l-${inv.id}`,
      }),
    );
    expect(tooMuch.code).toBe("CREDIT_EXCEEDS_LINE");
    expect(tooMuch.fields).toHaveProperty("lines");
    await withUser(owner, (db) =>
      recordPayment(db, inv.id, { method: "cash", amountMinor: 7000, idempotencyKey: `p-${inv.id}` }),
    );
    const paid = await errorOf(
      credit(owner, inv.id, {
        lines: [{ lineId: b!, amountMinor: 4000 }],
        reason: "Typo",
        idempotencyKey: `b-${inv.id}`,
      }),
    );
    expect(paid.code).toBe("CREDIT_EXCEEDS_BALANCE");
    expect(paid.status).toBe(409);
    expect(paid.message).toMatch(/refund/);
    // up to the balance is fine, and settles the invoice
    await credit(owner, inv.id, {
      lines: [{ lineId: b!, amountMinor: 3000 }],
      reason: "Typo",
      idempotencyKey: `c-${inv.id}`,
    });
    expect(await invoiceState(inv.id)).toEqual({ status: "paid", credited: 3000, notes: 1 });
  });

  it("refuses a draft, a missing reason and a line of another invoice", async () => {
    const draft = await draftAs(owner, clinic.id, clientId, [line(r21, 1000)]);
    const [dl] = await lineIds(draft.id);
    const onDraft = await errorOf(
      credit(owner, draft.id, {
        lines: [{ lineId: dl!, amountMinor: 100 }],
        reason: "Typo",
        idempotencyKey: `d-${draft.id}`,
      }),
    );
    expect(onDraft.code).toBe("INVOICE_NOT_ISSUED");
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 1000)]);
    const noReason = await errorOf(
      credit(owner, inv.id, { lines: [{ lineId: dl!, amountMinor: 100 }], reason: " ", idempotencyKey: `r-${inv.id}` }),
    );
    expect(noReason.fields).toHaveProperty("reason");
    const foreignLine = await errorOf(
      credit(owner, inv.id, {
        lines: [{ lineId: dl!, amountMinor: 100 }],
        reason: "Typo",
        idempotencyKey: `f-${inv.id}`,
      }),
    );
    expect(foreignLine.code).toBe("LINE_NOT_FOUND");
  });

  it("keeps credit notes and their lines and taxes append-only", async () => {
    const { rows } = await testPool().query<{ id: string }>(
      "select credit_note_id as id from public.credit_note_lines limit 1",
    );
    for (const sql of [
      "update public.credit_note_lines set amount_minor = 1 where credit_note_id = $1",
      "delete from public.credit_note_taxes where credit_note_id = $1",
      "update public.credit_notes set reason = 'changed' where id = $1",
    ]) {
      await expect(testPool().query(sql, [rows[0]!.id])).rejects.toMatchObject({ message: "ledger_immutable" });
    }
  });
});

describe("who may issue and read corrective credit notes", () => {
  it("answers another clinic's staff and the invoice's own client as if the invoice did not exist", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 1000)]);
    const [id] = await lineIds(inv.id);
    const other = await createClinic();
    const input = { lines: [{ lineId: id!, amountMinor: 100 }], reason: "Typo", idempotencyKey: `t-${inv.id}` };
    expect((await errorOf(credit(other.owner, inv.id, input))).code).toBe("INVOICE_NOT_FOUND");
    expect((await errorOf(credit(client, inv.id, input))).code).toBe("INVOICE_NOT_FOUND");
    const receptionist = await addStaff(clinic.id, "receptionist");
    expect((await errorOf(credit(receptionist, inv.id, input))).code).toBe("FORBIDDEN");
    expect((await invoiceState(inv.id))?.notes).toBe(0);
  });

  it("lets the client read their own note's lines and taxes, and nobody outside the clinic", async () => {
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 1000)]);
    const [id] = await lineIds(inv.id);
    const note = await credit(owner, inv.id, {
      lines: [{ lineId: id!, amountMinor: 100 }],
      reason: "Goodwill",
      idempotencyKey: `read-${inv.id}`,
    });
    const count = (user: TestUser) =>
      withUser(user, async (db) => {
        const l = await db.query("select 1 from public.credit_note_lines where credit_note_id = $1", [note.id]);
        const t = await db.query("select 1 from public.credit_note_taxes where credit_note_id = $1", [note.id]);
        return [l.rowCount, t.rowCount];
      });
    expect(await count(client)).toEqual([1, 1]);
    expect(await count(owner)).toEqual([1, 1]);
    expect(await count((await createClinic()).owner)).toEqual([0, 0]);
    const stranger = (await createClient(clinic.id)).user!;
    expect(await count(stranger)).toEqual([0, 0]);
  });
});

describe("the credit-note route and its email", () => {
  it("answers 201 with the note, 422 naming the field for bad input, and mails the client once", async () => {
    const staff = await signedIn();
    await addStaff(clinic.id, "admin", staff);
    const inv = await issuedAs(owner, clinic.id, clientId, [line(r21, 10000)]);
    const [id] = await lineIds(inv.id);
    const post = (body: unknown) =>
      call(creditNotesPost, clinic.slug, "POST", `/invoices/${inv.id}/credit-notes`, staff.cookie, body, {
        invoiceId: inv.id,
      });
    const body = { lines: [{ lineId: id, amountMinor: 1000 }], reason: "Goodwill", idempotencyKey: `route-${inv.id}` };
    const first = await post(body);
    expect(first.status).toBe(201);
    const cn = first.body.creditNote as { id: string; number: string; amountMinor: number };
    expect(cn.amountMinor).toBe(1210);
    expect((await post(body)).body.creditNote).toMatchObject({ id: cn.id });
    for (const [bad, field] of [
      [{ ...body, lines: [{ lineId: id, amountMinor: -1 }] }, "lines.0.amountMinor"],
      [{ ...body, lines: [{ lineId: "nope", amountMinor: 1 }] }, "lines.0.lineId"],
      [{ ...body, lines: [] }, "lines"],
      [{ ...body, reason: "" }, "reason"],
    ] as const) {
      const res = await post(bad);
      expect(res.status, field).toBe(422);
      expect((res.body.error as { fields: Record<string, unknown> }).fields, field).toHaveProperty([field]);
    }
    const { rows } = await testPool().query(
      "select template, payload->>'credit_note_number' as number from public.outbox_messages where dedupe_key = $1",
      [`credit_note.issued:${cn.id}`],
    );
    expect(rows).toEqual([{ template: "credit_note.issued", number: cn.number }]);
  });
});

describe("the corrective credit note as a document", () => {
  it("prints its credited lines, the tax per rate and the total negative, read back from the PDF", async () => {
    const staff = await signedIn();
    await addStaff(clinic.id, "vet", staff);
    const inv = await issuedAs(owner, clinic.id, clientId, [
      line(r21, 10000, { description: "Dental cleaning" }),
      line(r10, 2000, { description: "Dog food" }),
    ]);
    const ids = await lineIds(inv.id);
    const note = await credit(owner, inv.id, {
      lines: [
        { lineId: ids[0]!, amountMinor: 10000 },
        { lineId: ids[1]!, amountMinor: 500 },
      ],
      reason: "Cleaning not done",
      idempotencyKey: `pdf-${inv.id}`,
    });
    const req = new Request(`${appUrl()}/${clinic.slug}/staff/invoices/${inv.id}/pdf?creditNote=${note.id}`, {
      headers: { origin: appUrl(), cookie: staff.cookie },
    });
    const res = await staffPdf(req, { params: Promise.resolve({ clinic: clinic.slug, invoiceId: inv.id }) });
    expect(res.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).join(" ");
    const eur = (minor: number) => formatMoney(minor, "EUR", "en");
    expect(text).toContain(`Credit note ${note.number}`);
    expect(text).toContain(`Corrects invoice ${inv.number}`);
    expect(text).toContain("Cleaning not done");
    expect(text).toContain(`Dental cleaning 21% ${eur(-10000)}`);
    expect(text).toContain(`General (21%) ${eur(-10000)} ${eur(-2100)} ${eur(-12100)}`);
    expect(text).toContain(`Reduced (10%) ${eur(-500)} ${eur(-50)} ${eur(-550)}`);
    expect(text).toContain(`Total ${eur(-12650)}`);
  });
});
