// Benchmark: invoice issuing throughput with 10 concurrent staff sessions (each issue takes the clinic's
// counter row FOR UPDATE until it commits, so issues in one clinic run one at a time by design), beside a
// plain single-row INSERT of a draft invoice over the same path in the same run; the same issuing spread
// over 10 clinics (no shared counter); applying a desk payment (the invoice row lock, no shared row); and
// applying one Stripe webhook event in the database (payment_intent.succeeded through applyStripeWebhook, the
// route's path after the signature check: event id recorded and effect applied in one transaction), first
// delivery and a duplicate, with 10 deliveries in flight, beside the plain insert's p95.
// Every call goes through the app's withUser (transaction, role authenticated, claims) like a request.
// Starts its own throwaway PostgreSQL. Run: npm run bench billing
// Sizes (environment): BENCH_INVOICES (600) invoices per measured path; BENCH_SESSIONS (10) sessions.
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";
import { percentile, round1, runWorkers } from "../bench-support/measure";
import { runContext, writeDocSection } from "../bench-support/doc-section";
import { runMain } from "../bench-support/run-main";
import { startEmbeddedPostgres } from "../embedded-postgres";

const INVOICES = Number(process.env.BENCH_INVOICES ?? 600);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 10);

interface Staff {
  userId: string;
  email: string;
}
interface BenchClinic {
  id: string;
  clientId: string;
  rateId: string;
  staff: Staff[];
}

async function createClinic(db: Client, n: number): Promise<BenchClinic> {
  const { rows } = await db.query<{ id: string }>(
    "insert into public.clinics (slug, name, time_zone, currency) values ($1, $2, 'Europe/Madrid', 'EUR') returning id",
    [`bench-billing-${n}`, `Bench ${n}`],
  );
  const id = rows[0]!.id;
  const staff: Staff[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const email = `staff${i}-${n}@bench.test`;
    const u = await db.query<{ id: string }>(
      "insert into public.users (name, email, email_verified) values ($1, $2, true) returning id",
      [`Staff ${i}`, email],
    );
    await db.query("insert into public.clinic_memberships (clinic_id, user_id, role) values ($1, $2, 'receptionist')", [
      id,
      u.rows[0]!.id,
    ]);
    staff.push({ userId: u.rows[0]!.id, email });
  }
  const c = await db.query<{ id: string }>(
    "insert into public.clients (clinic_id, full_name, email) values ($1, 'Bench Client', $2) returning id",
    [id, `client-${n}@bench.test`],
  );
  const r = await db.query<{ id: string }>(
    "insert into public.tax_rates (clinic_id, name, basis_points) values ($1, 'VAT 21%', 2100) returning id",
    [id],
  );
  return { id, clientId: c.rows[0]!.id, rateId: r.rows[0]!.id, staff };
}

interface Measured {
  perSecond: number;
  p50: number;
  p95: number;
}

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-billing", throwaway: true, database: "vete_bench" });
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    process.env.DATABASE_POOL_MAX = String(SESSIONS + 2);
    // the app's env check wants one; nothing here signs anything, so a throwaway value per run
    process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("hex");
    const { asSystem, withUser } = await import("../../lib/db/context");
    const { closePool } = await import("../../lib/db/pool");
    const { createInvoice } = await import("../../lib/billing/create-invoice");
    const { issueInvoice } = await import("../../lib/billing/issue-invoice");
    const { recordPayment } = await import("../../lib/billing/record-payment");
    const { applyStripeWebhook } = await import("../../lib/stripe/apply-stripe-webhook");
    const db = new Client({ connectionString: pg.url });
    // a failure below stops the server in `finally`; the connection's own error must not mask the first one
    db.on("error", () => undefined);
    await db.connect();
    const clinics: BenchClinic[] = [];
    for (let n = 0; n < SESSIONS; n++) clinics.push(await createClinic(db, n));
    const one = clinics[0]!;

    const lines = (rateId: string, i: number) => [
      { kind: "service" as const, description: "Consultation", unitPriceMinor: 4500 + i, taxRateId: rateId },
      { kind: "product" as const, description: "Food", quantity: 2, unitPriceMinor: 1299, taxRateId: rateId },
      { kind: "text" as const, description: "Thank you" },
    ];
    const drafts = async (c: BenchClinic, n: number) => {
      const ids: string[] = [];
      await runWorkers(n, SESSIONS, async (i) => {
        const s = c.staff[i % SESSIONS]!;
        const inv = await withUser(s, (q) =>
          createInvoice(q, { clinicId: c.id }, { clientId: c.clientId, lines: lines(c.rateId, i) }),
        );
        ids[i] = inv.id;
      });
      return ids;
    };
    /** Runs job(i) on SESSIONS workers, staff session i % SESSIONS; throughput and latency percentiles. */
    const measure = async (n: number, job: (i: number) => Promise<unknown>): Promise<Measured> => {
      const samples: number[] = [];
      const total = await runWorkers(n, SESSIONS, async (i) => {
        const t = performance.now();
        await job(i);
        samples.push(performance.now() - t);
      });
      return {
        perSecond: round1((n / total) * 1000),
        p50: round1(percentile(samples, 50)),
        p95: round1(percentile(samples, 95)),
      };
    };

    const plainSql = `insert into public.invoices (clinic_id, client_id, currency, prices_include_tax) values ($1, $2, 'EUR', true)`;
    // warm-up (plans, caches, the pool's connections), not measured
    const warm = await drafts(one, 50);
    await measure(warm.length, (i) => withUser(one.staff[i % SESSIONS]!, (q) => issueInvoice(q, warm[i]!)));

    await measure(200, () => asSystem((q) => q.query(plainSql, [one.id, one.clientId]))); // warm-up
    // users cannot insert invoices directly, so the floor runs on the system path: the same pool and
    // begin/commit, without the claims and role (a little cheaper still than a user's transaction)
    const plain = await measure(INVOICES, () => asSystem((q) => q.query(plainSql, [one.id, one.clientId])));
    console.log(
      `plain insert of a draft invoice row, ${SESSIONS} sessions: ${plain.perSecond}/s, p50 ${plain.p50} ms, p95 ${plain.p95} ms`,
    );

    const oneClinic = await drafts(one, INVOICES);
    const issueOne = await measure(INVOICES, (i) =>
      withUser(one.staff[i % SESSIONS]!, (q) => issueInvoice(q, oneClinic[i]!)),
    );
    console.log(
      `issue (1 clinic, shared counter), ${SESSIONS} sessions: ${issueOne.perSecond}/s, p50 ${issueOne.p50} ms, p95 ${issueOne.p95} ms; ratio to plain insert ${round1(issueOne.perSecond / plain.perSecond)}`,
    );

    const spread: { clinic: BenchClinic; id: string }[] = [];
    for (const c of clinics)
      for (const id of await drafts(c, Math.ceil(INVOICES / SESSIONS))) spread.push({ clinic: c, id });
    const issueSpread = await measure(spread.length, (i) => {
      const x = spread[i]!;
      return withUser(x.clinic.staff[0]!, (q) => issueInvoice(q, x.id));
    });
    console.log(
      `issue (${SESSIONS} clinics, own counters), ${SESSIONS} sessions: ${issueSpread.perSecond}/s, p50 ${issueSpread.p50} ms, p95 ${issueSpread.p95} ms; ratio to plain insert ${round1(issueSpread.perSecond / plain.perSecond)}`,
    );

    const pay = await measure(INVOICES, (i) =>
      withUser(one.staff[i % SESSIONS]!, (q) =>
        recordPayment(q, oneClinic[i]!, { method: "cash", amountMinor: 1000, idempotencyKey: `bench-pay-${i}` }),
      ),
    );
    console.log(`record a payment, ${SESSIONS} sessions: ${pay.perSecond}/s, p50 ${pay.p50} ms, p95 ${pay.p95} ms`);

    // webhook events: one processing PaymentIntent attempt per issued invoice, then its succeeded event
    await db.query(
      "insert into public.clinic_payment_accounts (clinic_id, stripe_account_id) values ($1, 'acct_bench') on conflict do nothing",
      [one.id],
    );
    const attempts: { id: string; pi: string }[] = [];
    for (let i = 0; i < INVOICES; i++) {
      const pi = `pi_bench_${i}`;
      const { rows } = await db.query<{ id: string }>(
        `insert into public.payment_attempts (clinic_id, target_kind, target_id, attempt, idempotency_key,
           stripe_account_id, amount_cents, currency, payment_intent_id, status)
         values ($1, 'invoice', $2, 1, $3, 'acct_bench', 1000, 'EUR', $4, 'processing') returning id`,
        [one.id, oneClinic[i], `bench-attempt-${i}`, pi],
      );
      attempts.push({ id: rows[0]!.id, pi });
    }
    const created = Math.floor(Date.now() / 1000);
    const event = (i: number, id: string) =>
      ({
        id,
        object: "event",
        type: "payment_intent.succeeded",
        account: "acct_bench",
        created,
        data: {
          object: {
            id: attempts[i]!.pi,
            object: "payment_intent",
            amount_received: 1000,
            latest_charge: `ch_bench_${i}`,
            metadata: { payment_attempt_id: attempts[i]!.id },
          },
        },
      }) as unknown as Parameters<typeof applyStripeWebhook>[0];
    const outcome = (want: string) => (got: string) => {
      if (got !== want) throw new Error(`webhook outcome ${got}, expected ${want}`);
    };
    const hook = await measure(INVOICES, (i) =>
      applyStripeWebhook(event(i, `evt_bench_${i}`)).then(outcome("applied")),
    );
    console.log(`apply a webhook event (payment_intent.succeeded): p50 ${hook.p50} ms, p95 ${hook.p95} ms`);
    const replay = await measure(INVOICES, (i) =>
      applyStripeWebhook(event(i, `evt_bench_${i}`)).then(outcome("duplicate")),
    );
    console.log(`the same event delivered again (duplicate): p50 ${replay.p50} ms, p95 ${replay.p95} ms`);

    // the floor again at the end: on a shared machine the load moves during a run, and the spread shows it
    const plainAfter = await measure(INVOICES, () => asSystem((q) => q.query(plainSql, [one.id, one.clientId])));
    console.log(
      `plain insert again at the end: ${plainAfter.perSecond}/s, p50 ${plainAfter.p50} ms, p95 ${plainAfter.p95} ms`,
    );

    const { rows: check } = await db.query<{ n: number; max: number }>(
      "select count(*)::int as n, max(seq) as max from public.invoices where clinic_id = $1 and number is not null",
      [one.id],
    );
    const gapless = check[0]?.n === check[0]?.max;
    console.log(`numbers in the shared series: ${check[0]?.n}, highest ${check[0]?.max}, gapless: ${gapless}`);
    if (!gapless) throw new Error("the invoice series has a gap");
    await db.end();
    await closePool();

    const row = (what: string, m: Measured, ratio: string) =>
      `| ${what} | ${m.perSecond} | ${m.p50} | ${m.p95} | ${ratio} |`;
    writeDocSection(
      "billing",
      `## Billing (\`npm run bench billing\`)

Run ${runContext()}. ${SESSIONS} concurrent staff sessions through the app's \`withUser\` (one transaction each,
role \`authenticated\`, RLS on), ${INVOICES} invoices per path; each invoice has a service, a product and a text
line at 21%. Issuing locks the clinic's counter row until commit, so issues of one clinic are serialized by
design (the price of a gapless series); spread over clinics they are not.

| path | per second | p50 ms | p95 ms | ratio to plain insert |
| --- | --- | --- | --- | --- |
${row("plain INSERT of a draft invoice row (system path, same pool, for scale)", plain, "1.0")}
${row("issue_invoice, one clinic (shared counter)", issueOne, String(round1(issueOne.perSecond / plain.perSecond)))}
${row(`issue_invoice, ${SESSIONS} clinics (own counters)`, issueSpread, String(round1(issueSpread.perSecond / plain.perSecond)))}
${row("record_payment (invoice row lock)", pay, String(round1(pay.perSecond / plain.perSecond)))}
${row("Stripe webhook payment_intent.succeeded, first delivery (event id + effect, one transaction)", hook, String(round1(hook.perSecond / plain.perSecond)))}
${row("the same webhook event again (duplicate: nothing applied)", replay, String(round1(replay.perSecond / plain.perSecond)))}
${row("plain INSERT again, at the end of the run", plainAfter, String(round1(plainAfter.perSecond / plain.perSecond)))}

Ratios are to the first plain-insert row; the last row shows how much the machine's load moved during the run.
Applying one webhook event in the database took p95 ${hook.p95} ms against the plain insert's ${plain.p95} ms in the same
run (${round1(hook.p95 / plain.p95)}x); a duplicate delivery ${replay.p95} ms (${round1(replay.p95 / plain.p95)}x). The webhook rows call
\`applyStripeWebhook\` directly (the route's path after the signature check, which is CPU work in Node and not
measured here); the invoice's payment sink is the interim attempt ledger in this run.
After the run the shared series held ${check[0]?.n} numbers, the highest ${check[0]?.max}: no gap.`,
    );
  } finally {
    await pg.stop();
  }
}

runMain(main);
