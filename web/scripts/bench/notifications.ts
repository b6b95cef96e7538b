// Benchmark: outbox delivery throughput against a stand-in provider that answers in 100 ms, bounded
// concurrency vs one-at-a-time; and reminder selection with 100,000 upcoming appointments.
// Starts its own throwaway PostgreSQL. Run: npm run bench notifications
import { Client } from "pg";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../embedded-postgres";
import { startStandIn } from "../../tests/helpers/stand-in-provider";
import { runMain } from "../bench-support/run-main";

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 400);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 100_000);

const ms = (t0: number) => Math.round(performance.now() - t0);

async function main() {
  const pg = await startEmbeddedPostgres({ label: "vete-bench-notify", throwaway: true, database: "vete_bench" });
  try {
    await migrate(pg.url);
    process.env.DATABASE_URL = pg.url;
    process.env.DATABASE_POOL_MAX = "20";
    // App modules read the environment when first used, so import them after DATABASE_URL is set.
    const { deliverOutbox } = await import("../../lib/notifications/deliver-outbox");
    const { resendEmailSender } = await import("../../lib/notifications/send-email-resend");
    const { closePool } = await import("../../lib/db/pool");
    const db = new Client({ connectionString: pg.url });
    await db.connect();

    const { rows: clinicRows } = await db.query<{ id: string }>(
      "insert into public.clinics (slug, name, time_zone, currency) values ('bench', 'Bench', 'Europe/Madrid', 'EUR') returning id",
    );
    const clinicId = clinicRows[0]?.id;

    // 1. Delivery throughput.
    const standIn = await startStandIn();
    standIn.setScript(() => ({ status: 200, delayMs: 100 }));
    const providers = {
      email: resendEmailSender({
        apiKey: "re_bench",
        baseUrl: standIn.url,
        from: "Bench <b@vete.test>",
        timeoutMs: 5_000,
      }),
      sms: null,
      devMailbox: false,
    };
    const results: { concurrency: number; seconds: number; perSecond: number }[] = [];
    for (const concurrency of [1, 8, 16]) {
      const n = concurrency === 1 ? Math.min(MESSAGES, 100) : MESSAGES;
      await db.query(
        `insert into public.outbox_messages (clinic_id, channel, recipient, template, payload, dedupe_key)
         select $1, 'email', 'user' || g || '@bench.test', 'auth.reset_password', '{"name":"B","url":"/r"}', 'bench:' || $2 || ':' || g
         from generate_series(1, $3) g`,
        [clinicId, concurrency, n],
      );
      const t0 = performance.now();
      const run = await deliverOutbox(600_000, { providers, concurrency, batchSize: 50 });
      const elapsed = ms(t0);
      if (run.itemsDone !== n) throw new Error(`expected ${n} sent, got ${run.itemsDone}`);
      results.push({ concurrency, seconds: elapsed / 1000, perSecond: Math.round((n / elapsed) * 1000 * 10) / 10 });
      console.log(
        `delivery: ${n} emails, concurrency ${concurrency}: ${elapsed} ms, ${results.at(-1)?.perSecond} msg/s`,
      );
    }
    const dupes = [...standIn.deliveries.values()].filter((c) => c > 1).length;
    await standIn.close();
    const base = results[0]?.perSecond ?? 1;
    for (const r of results)
      console.log(`  ratio vs one-at-a-time (concurrency ${r.concurrency}): ${(r.perSecond / base).toFixed(1)}x`);
    console.log(`  duplicate deliveries at the stand-in: ${dupes}`);

    // 2. Reminder selection at 100,000 upcoming appointments: 10 clinics, 170 vets, 20,000 clients,
    // confirmed 30-minute slots 08:00-18:00 UTC over the next 30 days.
    const t1 = performance.now();
    await db.query(`
      insert into public.users (name, email, email_verified) select 'Vet ' || g, 'vet' || g || '@bench.test', true from generate_series(1, 170) g;
      insert into public.clinics (slug, name, time_zone, currency)
        select 'bench-' || g, 'Bench ' || g, (array['Europe/Madrid','America/Sao_Paulo','Asia/Tokyo','UTC','America/New_York'])[1 + g % 5], 'EUR'
        from generate_series(1, 10) g;
      insert into public.clinic_memberships (clinic_id, user_id, role)
        select c.id, u.id, 'vet' from public.users u
        join public.clinics c on c.slug = 'bench-' || (1 + (substring(u.email from 'vet([0-9]+)@')::int % 10))
        where u.email like 'vet%@bench.test';
      insert into public.services (clinic_id, name, duration_minutes) select id, 'Check-up', 30 from public.clinics where slug like 'bench-%';
      insert into public.clients (clinic_id, full_name, email, phone, preferred_channel, sms_reminders)
        select c.id, 'Client ' || g, 'client' || g || '@bench.test', '+3460000' || lpad(g::text, 4, '0'),
               case when g % 4 = 0 then 'sms' else 'email' end, g % 4 = 0
        from generate_series(1, 20000) g join public.clinics c on c.slug = 'bench-' || (1 + g % 10);
      insert into public.pets (clinic_id, client_id, name, species) select clinic_id, id, 'Pet of ' || full_name, 'dog' from public.clients where email like 'client%@bench.test';
    `);
    await db.query(
      `
      with vets as (
        select m.clinic_id, m.user_id, row_number() over (partition by m.clinic_id order by m.user_id) as vn
        from public.clinic_memberships m join public.clinics c on c.id = m.clinic_id where c.slug like 'bench-%'
      ), slots as (
        select v.clinic_id, v.user_id, v.vn,
               date_trunc('day', now()) + d * interval '1 day' + interval '8 hours' + s * interval '30 minutes' as starts_at,
               row_number() over () as k
        from vets v cross join generate_series(0, 29) d cross join generate_series(0, 19) s
      ), pets as (
        select p.clinic_id, p.client_id, p.id as pet_id, row_number() over (partition by p.clinic_id order by p.id) as pn,
               count(*) over (partition by p.clinic_id) as n
        from public.pets p join public.clinics c on c.id = p.clinic_id where c.slug like 'bench-%'
      )
      insert into public.appointments (clinic_id, client_id, pet_id, service_id, vet_id, starts_at, ends_at, status)
      select s.clinic_id, p.client_id, p.pet_id, sv.id, s.user_id, s.starts_at, s.starts_at + interval '30 minutes', 'confirmed'
      from (select * from slots where starts_at > now() order by k limit $1) s
      join public.services sv on sv.clinic_id = s.clinic_id
      join pets p on p.clinic_id = s.clinic_id and p.pn = 1 + (s.k % p.n)
    `,
      [APPOINTMENTS],
    );
    await db.query("analyze");
    const { rows: counts } = await db.query<{ n: number; in24h: number }>(
      "select count(*)::int as n, count(*) filter (where starts_at <= now() + interval '24 hours')::int as in24h from public.appointments where status = 'confirmed' and starts_at > now()",
    );
    console.log(
      `\nreminders: seeded ${counts[0]?.n} upcoming appointments (${counts[0]?.in24h} within 24 h) in ${ms(t1)} ms`,
    );

    const timeSelect = async () => {
      const t = performance.now();
      const r = await db.query("select count(*)::int as n from private.due_reminders(now(), 200)");
      return { ms: Math.round((performance.now() - t) * 10) / 10, rows: (r.rows[0] as { n: number }).n };
    };
    const cold = await timeSelect();
    console.log(
      `  select one batch (200 client-days) with nothing reminded yet: ${cold.ms} ms (${cold.rows} appointments)`,
    );
    const t2 = performance.now();
    let batches = 0;
    let queued = 0;
    for (;;) {
      const { rows } = await db.query<{ messages: number; more: boolean }>(
        "select * from public.enqueue_due_reminders(200)",
      );
      batches++;
      queued += rows[0]?.messages ?? 0;
      if (!rows[0]?.more) break;
    }
    const drain = ms(t2);
    console.log(
      `  first run: queued ${queued} messages in ${batches} batches, ${drain} ms (${Math.round(drain / batches)} ms per batch)`,
    );
    const warm = await timeSelect();
    console.log(`  steady state (everything due already reminded): select ${warm.ms} ms, ${warm.rows} rows`);
    const t3 = performance.now();
    await db.query("select * from public.enqueue_due_reminders(200)");
    console.log(`  steady-state job step (nothing new): ${ms(t3)} ms`);

    await db.end();
    await closePool();
  } finally {
    await pg.stop();
  }
}

runMain(main);
