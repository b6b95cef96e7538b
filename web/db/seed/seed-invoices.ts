// Demo invoices, so the invoices list, today's takings and the client's portal are not empty after `npm start`:
// for Carla Client one invoice still owed, one paid in cash, one part-paid by card terminal, one from Luna's
// latest signed visit, one with a goodwill credit note, a draft and a voided one.
// Written through the billing functions as the demo staff (role `authenticated` with their JWT claims, as the
// app's withUser does), never by inserting ledger rows: numbers come from the gapless series of the clinic's
// year and totals from the one tax rule. Everything is dated now, because issuing and payments take the
// transaction's time: the invoices are issued today and the payments are in today's takings.
// The emails these queue (invoice issued, receipts, credit note) are marked cancelled before commit: demo data
// must not mail anyone. Idempotent: a clinic that already has invoices is left alone.
import type { Client } from "pg";

interface Line {
  kind: "service" | "product" | "text";
  description: string;
  quantity?: number;
  unit_price_minor?: number;
  discount_minor?: number;
  tax_rate_id?: string;
}

/** Runs fn as a signed-in user of the app: RLS and the functions' role checks apply to it. */
async function asUser<T>(db: Client, userId: string, fn: () => Promise<T>): Promise<T> {
  await db.query("select set_config('request.jwt.claims', $1, true)", [
    JSON.stringify({ sub: userId, role: "authenticated" }),
  ]);
  await db.query("set local role authenticated");
  const result = await fn();
  await db.query("reset role");
  await db.query("select set_config('request.jwt.claims', '', true)");
  return result;
}

async function one<T>(db: Client, sql: string, params: unknown[]): Promise<T> {
  const { rows } = await db.query(sql, params);
  const row = rows[0] as T | undefined;
  if (!row) throw new Error(`the demo invoices: no row from ${sql}`);
  return row;
}

export async function seedInvoices(db: Client, clinicId: string): Promise<void> {
  const existing = await db.query("select 1 from public.invoices where clinic_id = $1 limit 1", [clinicId]);
  if (existing.rowCount) return;
  const client = await one<{ id: string }>(
    db,
    "select id from public.clients where clinic_id = $1 and email = 'client@demo.vete.test'",
    [clinicId],
  );
  const staff = async (email: string) =>
    (await one<{ id: string }>(db, "select id from public.users where email = $1", [email])).id;
  const reception = await staff("reception@demo.vete.test");
  const owner = await staff("owner@demo.vete.test");
  const rates = await db.query<{ name: string; id: string }>(
    "select name, id from public.tax_rates where clinic_id = $1",
    [clinicId],
  );
  const rate = (name: string) => {
    const id = rates.rows.find((r) => r.name === name)?.id;
    if (!id) throw new Error(`seed the tax rate ${name} before the demo invoices`);
    return id;
  };
  const vat21 = rate("VAT 21%");
  const vat10 = rate("VAT 10%");
  const lunaVisit = await db.query<{ id: string }>(
    `select v.id from public.visits v join public.pets p on p.id = v.pet_id
      where v.clinic_id = $1 and p.client_id = $2 and p.name = 'Luna' and v.finalized_at is not null
      order by v.started_at desc limit 1`,
    [clinicId, client.id],
  );

  const draft = (lines: Line[], notes: string | null = null) =>
    one<{ id: string }>(db, "select id from public.create_invoice($1, $2, $3::jsonb, 'manual', null, $4)", [
      clinicId,
      client.id,
      JSON.stringify(lines),
      notes,
    ]);
  const issue = (invoiceId: string) =>
    one<{ id: string; total_minor: string }>(db, "select id, total_minor from public.issue_invoice($1)", [invoiceId]);
  const pay = (invoiceId: string, method: string, amount: number, key: string, reference: string | null = null) =>
    db.query("select id from public.record_payment($1, $2::public.payment_method, $3, $4, $5)", [
      invoiceId,
      method,
      amount,
      key,
      reference,
    ]);

  const ids = await asUser(db, reception, async () => {
    // issued in this order, so the visit (the oldest work) takes the first number of the year
    let fromVisit: string | null = null;
    if (lunaVisit.rows[0]) {
      const v = await one<{ id: string }>(db, "select id from public.create_invoice_from_visit($1)", [
        lunaVisit.rows[0].id,
      ]);
      fromVisit = (await issue(v.id)).id;
    }
    const owed = await issue(
      (
        await draft([
          {
            kind: "service",
            description: "Consultation (Milo)",
            quantity: 1,
            unit_price_minor: 4500,
            tax_rate_id: vat21,
          },
          {
            kind: "service",
            description: "Vaccination: FVRCP (Milo)",
            quantity: 1,
            unit_price_minor: 3500,
            tax_rate_id: vat21,
          },
        ])
      ).id,
    );
    const cash = await issue(
      (
        await draft([
          {
            kind: "service",
            description: "Dental check (Milo)",
            quantity: 1,
            unit_price_minor: 6000,
            tax_rate_id: vat21,
          },
          {
            kind: "product",
            description: "Dental chews, 30 pack",
            quantity: 1,
            unit_price_minor: 1200,
            tax_rate_id: vat10,
          },
        ])
      ).id,
    );
    await pay(cash.id, "cash", Number(cash.total_minor), "demo-seed:cash");
    const card = await issue(
      (
        await draft([
          {
            kind: "service",
            description: "Consultation (Luna)",
            quantity: 1,
            unit_price_minor: 4500,
            tax_rate_id: vat21,
          },
          {
            kind: "product",
            description: "Carprofen 50 mg, 30 tablets",
            quantity: 1,
            unit_price_minor: 2400,
            tax_rate_id: vat10,
          },
          { kind: "text", description: "Second half to be paid at the next visit." },
        ])
      ).id,
    );
    await pay(card.id, "card_terminal", 4000, "demo-seed:card-terminal", "Terminal receipt 0042");
    const credited = await issue(
      (
        await draft([
          {
            kind: "service",
            description: "Consultation (Luna)",
            quantity: 1,
            unit_price_minor: 4500,
            tax_rate_id: vat21,
          },
          { kind: "product", description: "Hairball paste", quantity: 2, unit_price_minor: 950, tax_rate_id: vat10 },
        ])
      ).id,
    );
    const voided = await issue(
      (
        await draft([
          {
            kind: "service",
            description: "Consultation (Milo)",
            quantity: 1,
            unit_price_minor: 4500,
            tax_rate_id: vat21,
          },
        ])
      ).id,
    );
    await draft(
      [
        {
          kind: "service",
          description: "Vaccination: Rabies (Luna)",
          quantity: 1,
          unit_price_minor: 3500,
          tax_rate_id: vat21,
        },
      ],
      "Booster due soon: issue it when given.",
    );
    return { fromVisit, owed: owed.id, credited: credited.id, voided: voided.id };
  });

  await asUser(db, owner, async () => {
    // a goodwill discount of 10.00 on the consultation line, in the invoice's price terms
    const line = await one<{ id: string }>(
      db,
      "select id from public.invoice_lines where invoice_id = $1 and description = 'Consultation (Luna)'",
      [ids.credited],
    );
    await db.query("select id from public.issue_credit_note($1, $2::jsonb, $3, $4)", [
      ids.credited,
      JSON.stringify([{ line_id: line.id, amount_minor: 1000 }]),
      "Goodwill discount: long wait on the day",
      "demo-seed:goodwill",
    ]);
    await db.query("select id from public.void_invoice($1, $2)", [ids.voided, "Entered twice by mistake"]);
  });

  // receipts and credit-note emails are queued by triggers deferred to commit: fire them now, then cancel every
  // message this transaction queued (now() is the transaction's start, the created_at of each of them)
  await db.query("set constraints all immediate");
  await db.query(
    `update public.outbox_messages set status = 'cancelled', last_error = 'demo data: not sent'
      where clinic_id = $1 and status = 'pending' and created_at = now()`,
    [clinicId],
  );
}
