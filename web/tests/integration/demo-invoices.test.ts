// The demo invoices `npm start` loads (web/db/seed/seed-invoices.ts): made through the billing functions as the
// demo staff (numbers from the gapless series of the clinic's year, payments in today's takings, a corrective
// credit note), their emails never sent, and a second seed run changes nothing. On a database of its own.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/db/seed/seed";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

let db: FreshDatabase;
let c: Client;

beforeAll(async () => {
  db = await createFreshDatabase("vete_demo_invoices");
  await migrate(db.url, { log: () => undefined });
  await seedDemo(db.url);
  c = new Client({ connectionString: db.url });
  await c.connect();
});

afterAll(async () => {
  await c?.end();
  await db?.drop();
});

async function rows<T>(sql: string): Promise<T[]> {
  return (await c.query(sql)).rows as T[];
}

/** Everything the seed wrote for billing, to compare two runs. */
async function snapshot() {
  return {
    invoices: await rows(
      "select id, status, number, total_minor, paid_minor, credited_minor from public.invoices order by id",
    ),
    lines: await rows("select id from public.invoice_lines order by id"),
    payments: await rows("select id, amount_minor from public.payments order by id"),
    creditNotes: await rows("select id, number from public.credit_notes order by id"),
    outbox: await rows("select id, status from public.outbox_messages order by id"),
    counters: await rows("select series, year, last_number from public.document_counters order by series, year"),
  };
}

describe("demo invoices", () => {
  it("gives the demo client an owed, a cash-paid, a part-paid, a visit, a credited, a draft and a void invoice", async () => {
    const invoices = await rows<{ status: string; source: string; void_reason: string | null; email: string }>(
      `select i.status, i.source, i.void_reason, cl.email from public.invoices i join public.clients cl on cl.id = i.client_id
        order by i.created_at, i.seq nulls last`,
    );
    expect(invoices.every((i) => i.email === "client@demo.vete.test")).toBe(true);
    expect(invoices.map((i) => i.status).sort()).toEqual(
      ["draft", "issued", "issued", "issued", "paid", "partially_paid", "void"].sort(),
    );
    expect(invoices.filter((i) => i.source === "visit")).toHaveLength(1);
    expect(invoices.find((i) => i.status === "void")?.void_reason).toBe("Entered twice by mistake");
  });

  it("numbers the issued ones 1 to 6 in the clinic's year, with no gaps, and issues them as the receptionist", async () => {
    const issued = await rows<{ number: string; expected: string; issuer: string }>(
      `select i.number, extract(year from now() at time zone k.time_zone)::int || '-' || lpad(i.seq::text, 6, '0') as expected,
              u.email as issuer
         from public.invoices i join public.clinics k on k.id = i.clinic_id join public.users u on u.id = i.issued_by
        where i.number is not null order by i.seq`,
    );
    expect(issued.map((i) => i.number)).toEqual(issued.map((i) => i.expected));
    expect(issued.map((i) => i.number.slice(-6))).toEqual(["000001", "000002", "000003", "000004", "000005", "000006"]);
    expect(new Set(issued.map((i) => i.issuer))).toEqual(new Set(["reception@demo.vete.test"]));
  });

  it("takes a cash and a card terminal payment today in the clinic's zone, and a goodwill credit note", async () => {
    const takings = await rows<{ method: string; paid: string }>(
      `select p.method, sum(p.amount_minor)::text as paid from public.payments p join public.clinics k on k.id = p.clinic_id
        where (p.received_at at time zone k.time_zone)::date = (now() at time zone k.time_zone)::date group by 1 order by 1::text`,
    );
    expect(takings.map((t) => t.method).sort()).toEqual(["card_terminal", "cash"]);
    const notes = await rows<{ kind: string; number: string; amount_minor: string; status: string; balance: string }>(
      `select n.kind, n.number, n.amount_minor::text, i.status,
              (i.total_minor - i.credited_minor - i.paid_minor + i.refunded_minor)::text as balance
         from public.credit_notes n join public.invoices i on i.id = n.invoice_id`,
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "correction", status: "issued" });
    expect(notes[0]?.number).toMatch(/^CN-\d{4}-000001$/);
    expect(Number(notes[0]?.balance)).toBeGreaterThan(0);
  });

  it("queues the emails as the functions do but sends none of them", async () => {
    const messages = await rows<{ template: string; status: string }>(
      "select template, status from public.outbox_messages order by template",
    );
    expect(new Set(messages.map((m) => m.template))).toEqual(
      new Set(["invoice.issued", "payment.receipt", "credit_note.issued"]),
    );
    expect(messages.every((m) => m.status === "cancelled")).toBe(true);
  });

  it("changes nothing when the seed runs again", async () => {
    const before = await snapshot();
    await seedDemo(db.url);
    expect(await snapshot()).toEqual(before);
  });
});
