// Cron routes: bearer secret compared in constant time, 401 without doing anything, 503 (never a bypass)
// when CRON_SECRET is unset; the platform run log is readable by no clinic user (operators read it on the
// system path); owners see only their own clinic's failures and message counts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asSystem, withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { listCronRuns } from "@/lib/cron/list-cron-runs";
import { releaseCronLease, renewCronLease, takeCronLease } from "@/lib/cron/cron-lease";
import { CRON_LEASE_MS, runJob, type BatchResult } from "@/lib/cron/run-job";
import { cronBudgetMs, isCronAuthorized } from "@/lib/cron/with-cron";
import { countClinicMessages } from "@/lib/notifications/count-clinic-messages";
import { listDeliveryFailures } from "@/lib/notifications/list-delivery-failures";
import { addStaff, closeTestPool, createClinic, testPool, type TestClinic } from "../helpers/factories";
import { useStandInDatabase } from "../helpers/stand-in-database";

const SECRET = "test-cron-secret-0123456789";
// The local demo (npm start's embedded database, no provider): unsent mail "delivers" to the dev mailbox.
process.env.VETE_EMBEDDED_DB = "1";
let clinic: TestClinic;
let other: TestClinic;

async function enqueue(): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.outbox_messages (clinic_id, channel, recipient, template, payload, dedupe_key)
     values ($1, 'email', 'someone@example.test', 'auth.reset_password', '{"name":"A","url":"/r"}', $2) returning id`,
    [clinic.id, `test:${randomUUID()}`],
  );
  return rows[0]!.id;
}

const status = async (id: string) =>
  (await testPool().query<{ status: string }>("select status from public.outbox_messages where id = $1", [id])).rows[0]
    ?.status;
const runCount = async () =>
  (await testPool().query<{ n: number }>("select count(*)::int as n from public.cron_runs")).rows[0]!.n;
const call = (headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/cron/deliver-outbox", { headers });

beforeAll(async () => {
  process.env.CRON_SECRET = SECRET;
  await useStandInDatabase("notify_cron");
  clinic = await createClinic();
  other = await createClinic();
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("cron route authorization", () => {
  it("answers 401 and does nothing without the bearer secret, with a wrong one, or with the bare secret", async () => {
    const { GET } = await import("@/app/api/cron/deliver-outbox/route");
    const id = await enqueue();
    const before = await runCount();
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Bearer wrong-secret-0123456789x" },
      { authorization: SECRET },
      { authorization: `Bearer ${SECRET}x` },
    ]) {
      const res = await GET(call(headers));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: "UNAUTHENTICATED", message: "Missing or wrong cron secret." },
      });
    }
    expect(await runCount()).toBe(before);
    expect(await status(id)).toBe("pending");
  });

  it("runs the job with the right secret (dev mailbox without a provider) and logs the run", async () => {
    const { GET } = await import("@/app/api/cron/deliver-outbox/route");
    const id = await enqueue();
    const res = await GET(call({ authorization: `Bearer ${SECRET}` }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { job: string; status: string; itemsDone: number; runId: number };
    expect(body).toMatchObject({ job: "deliver-outbox", status: "succeeded" });
    expect(body.itemsDone).toBeGreaterThanOrEqual(1);
    expect(await status(id)).toBe("sent");
    const logged = await testPool().query(
      "select 1 from public.cron_runs where id = $1 and status = 'succeeded' and finished_at is not null",
      [body.runId],
    );
    expect(logged.rowCount).toBe(1);
  });

  it("refuses to run at all (503) when CRON_SECRET is unset, whatever the header says", async () => {
    const id = await enqueue();
    const before = await runCount();
    delete process.env.CRON_SECRET;
    vi.resetModules();
    try {
      const { GET } = await import("@/app/api/cron/deliver-outbox/route");
      for (const headers of [
        {} as Record<string, string>,
        { authorization: "Bearer " },
        { authorization: "Bearer undefined" },
      ]) {
        const res = await GET(call(headers));
        expect(res.status).toBe(503);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
      }
    } finally {
      process.env.CRON_SECRET = SECRET;
      vi.resetModules();
    }
    expect(await runCount()).toBe(before);
    expect(await status(id)).toBe("pending");
  });

  it("compares equal-length digests, so any header length is handled", () => {
    expect(isCronAuthorized(`Bearer ${SECRET}`, SECRET)).toBe(true);
    expect(isCronAuthorized(null, SECRET)).toBe(false);
    expect(isCronAuthorized("x".repeat(10_000), SECRET)).toBe(false);
  });

  it("keeps the time budget below the route's maxDuration", () => {
    expect(cronBudgetMs(60, 50_000)).toBe(50_000);
    expect(cronBudgetMs(60, 120_000)).toBe(50_000);
    expect(cronBudgetMs(30, 50_000)).toBe(20_000);
  });
});

const oneBatch: BatchResult = { done: 1, failed: 0, skipped: 0, more: false };
const leaseOf = async (job: string) =>
  (
    await testPool().query<{ holder: string; live: boolean }>(
      "select holder, expires_at > now() as live from private.cron_leases where job = $1",
      [job],
    )
  ).rows[0];

describe("single-flight through a lease row (no session state, so it holds behind a transaction pooler)", () => {
  it("lets exactly one of several concurrent runs of a job run; the others skip and are logged", async () => {
    let ran = 0;
    let skipped = 0;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    // The running batch waits until every other run has returned, so the runs truly overlap (at most 5 s:
    // without single-flight nobody skips, and the assertions below then say so instead of a timeout).
    const fallback = setTimeout(() => open(), 5_000);
    const runs = Array.from({ length: 4 }, () =>
      runJob(
        "test-lease-race",
        async () => {
          ran++;
          await gate;
          return oneBatch;
        },
        { budgetMs: 10_000 },
      ).then((r) => {
        if (r.status === "skipped" && ++skipped === 3) open();
        return r;
      }),
    );
    const results = await Promise.all(runs);
    clearTimeout(fallback);
    expect(ran).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(["skipped", "skipped", "skipped", "succeeded"]);
    const { rows } = await testPool().query<{ status: string; reason: string | null }>(
      "select status, details->>'reason' as reason from public.cron_runs where job = 'test-lease-race' order by id",
    );
    expect(rows.filter((r) => r.status === "skipped" && r.reason === "already running")).toHaveLength(3);
    expect(await leaseOf("test-lease-race")).toBeUndefined(); // released at the end
  });

  it("takes over the lease of a run that died once it has expired, and marks that run abandoned", async () => {
    await testPool().query(
      `insert into public.cron_runs (job, started_at) values ('test-lease-dead', now() - interval '2 minutes');
       insert into private.cron_leases (job, holder, expires_at) values ('test-lease-dead', gen_random_uuid(), now() + interval '1 minute')`,
    );
    // While the dead run's lease is still live, it guards the job.
    expect((await runJob("test-lease-dead", async () => oneBatch, { budgetMs: 5_000 })).status).toBe("skipped");
    await testPool().query(
      "update private.cron_leases set expires_at = now() - interval '1 second' where job = 'test-lease-dead'",
    );
    const r = await runJob("test-lease-dead", async () => oneBatch, { budgetMs: 5_000 });
    expect(r).toMatchObject({ status: "succeeded", itemsDone: 1 });
    const { rows } = await testPool().query<{ status: string }>(
      "select status from public.cron_runs where job = 'test-lease-dead' order by id",
    );
    expect(rows.map((x) => x.status)).toEqual(["abandoned", "skipped", "succeeded"]);
    expect(await leaseOf("test-lease-dead")).toBeUndefined();
  });

  it("keeps renewing the lease while a long batch runs, so a later run still skips", async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started!: () => void;
    const inBatch = new Promise<void>((resolve) => (started = resolve));
    const long = runJob(
      "test-lease-renew",
      async () => {
        started();
        await gate;
        return oneBatch;
      },
      { budgetMs: 10_000, leaseMs: 1_000 },
    );
    await inBatch;
    // Three lease lengths later the lease would long have expired without the heartbeat.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await leaseOf("test-lease-renew")).toMatchObject({ live: true });
    const later = await runJob("test-lease-renew", async () => oneBatch, { budgetMs: 5_000, leaseMs: 1_000 });
    expect(later.status).toBe("skipped");
    open();
    expect((await long).status).toBe("succeeded");
  });

  it("lets only the holder renew or release a lease", async () => {
    const job = "test-lease-holder";
    const mine = randomUUID();
    const theirs = randomUUID();
    expect(await takeCronLease(testPool(), job, mine, 60_000)).toBe(true);
    expect(await takeCronLease(testPool(), job, theirs, 60_000)).toBe(false);
    expect(await releaseCronLease(testPool(), job, theirs)).toBe(false);
    expect(await renewCronLease(testPool(), job, theirs, 60_000)).toBe(false);
    expect(await leaseOf(job)).toEqual({ holder: mine, live: true });
    expect((await runJob(job, async () => oneBatch, { budgetMs: 5_000 })).status).toBe("skipped");
    expect(await releaseCronLease(testPool(), job, mine)).toBe(true);
    expect((await runJob(job, async () => oneBatch, { budgetMs: 5_000 })).status).toBe("succeeded");
  });

  it("stops a run whose lease was taken over instead of running beside the new holder", async () => {
    const job = "test-lease-lost";
    let batches = 0;
    const r = await runJob(
      job,
      async () => {
        batches++;
        // Simulate a stall long enough for the lease to expire and another run to take the job.
        await testPool().query("update private.cron_leases set holder = gen_random_uuid() where job = $1", [job]);
        return { ...oneBatch, more: true };
      },
      { budgetMs: 10_000 },
    );
    expect(batches).toBe(1);
    expect(r).toMatchObject({ status: "failed", error: "the lease expired and another run took the job over" });
    expect(await leaseOf(job)).toBeDefined(); // the new holder's lease is left alone
  });

  it("keeps the lease below the cron routes' maxDuration, so a killed run frees the job soon", async () => {
    for (const route of ["deliver-outbox", "send-reminders"]) {
      const { maxDuration } = (await import(`@/app/api/cron/${route}/route`)) as { maxDuration: number };
      expect(CRON_LEASE_MS).toBeLessThan(maxDuration * 1000);
    }
  });
});

describe("run log", () => {
  it("marks a run that died while holding the lock as abandoned at the next run", async () => {
    await testPool().query(
      "insert into public.cron_runs (job, started_at) values ('test-abandon', now() - interval '10 minutes')",
    );
    await runJob("test-abandon", async () => ({ done: 2, failed: 0, skipped: 1, more: false }), { budgetMs: 5_000 });
    const { rows } = await testPool().query<{ status: string; items_done: number }>(
      "select status, items_done from public.cron_runs where job = 'test-abandon' order by id",
    );
    expect(rows).toEqual([
      { status: "abandoned", items_done: 0 },
      { status: "succeeded", items_done: 2 },
    ]);
  });

  it("keeps 30 days of history per job", async () => {
    await testPool().query(
      "insert into public.cron_runs (job, status, started_at, finished_at) values ('test-retention', 'succeeded', now() - interval '40 days', now() - interval '40 days'), ('test-retention', 'succeeded', now() - interval '20 days', now() - interval '20 days')",
    );
    await runJob("test-retention", async () => ({ done: 0, failed: 0, skipped: 0, more: false }), { budgetMs: 5_000 });
    const { rows } = await testPool().query<{ age: number }>(
      "select extract(day from now() - started_at)::int as age from public.cron_runs where job = 'test-retention' order by started_at",
    );
    expect(rows.map((r) => r.age)).toEqual([20, 0]);
  });

  it("records a failing job as failed with its error, and releases the lock", async () => {
    const r = await runJob(
      "test-fail",
      async () => {
        throw new Error("kaput");
      },
      { budgetMs: 5_000 },
    );
    expect(r).toMatchObject({ status: "failed", error: "kaput" });
    const again = await runJob("test-fail", async () => ({ done: 1, failed: 0, skipped: 0, more: false }), {
      budgetMs: 5_000,
    });
    expect(again.status).toBe("succeeded");
  });

  it("stops taking batches at the budget and says so", async () => {
    // Each batch "takes" 60 ms on a clock the test advances, so the count does not depend on machine load.
    let clock = 0;
    let batches = 0;
    const r = await runJob(
      "test-budget",
      async () => {
        batches++;
        clock += 60;
        return { done: 1, failed: 0, skipped: 0, more: true };
      },
      { budgetMs: 200, now: () => clock },
    );
    expect(r.stoppedByBudget).toBe(true);
    expect(batches).toBe(4); // batches start at 0, 60, 120 and 180 ms; none at 240
    expect(r.itemsDone).toBe(batches);
  });

  it("keeps the platform run log from every clinic user, owners included; the system path reads it", async () => {
    expect((await asSystem((db) => listCronRuns(db, 5))).length).toBeGreaterThan(0);
    for (const user of [clinic.owner, other.owner]) {
      await expect(
        withUser(user, (db) => db.query("select * from public.list_cron_runs($1)", [clinic.id])),
      ).rejects.toThrow();
      await expect(withUser(user, (db) => db.query("select * from public.cron_runs"))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    // no function a user may call returns run rows
    const { rows } = await testPool().query<{ fn: string }>(
      `select p.oid::regprocedure::text as fn from pg_catalog.pg_proc p
        where p.prorettype = 'public.cron_runs'::regtype
          and (pg_catalog.has_function_privilege('authenticated', p.oid, 'execute')
               or pg_catalog.has_function_privilege('anon', p.oid, 'execute'))`,
    );
    expect(rows).toEqual([]);
  });

  it("counts a clinic's messages by status for its owners only", async () => {
    const before = await withUser(clinic.owner, (db) => countClinicMessages(db, clinic.id));
    const id = await enqueue();
    await enqueue();
    await testPool().query("update public.outbox_messages set status = 'failed', failed_at = now() where id = $1", [
      id,
    ]);
    const after = await withUser(clinic.owner, (db) => countClinicMessages(db, clinic.id));
    expect(after.failed - before.failed).toBe(1);
    expect(after.pending + after.sent - before.pending - before.sent).toBe(1);
    const vet = await addStaff(clinic.id, "vet");
    for (const user of [vet, other.owner])
      await expect(withUser(user, (db) => countClinicMessages(db, clinic.id))).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
  });

  it("lists a clinic's failed deliveries with the reason, to that clinic's owners only", async () => {
    const id = await enqueue();
    await testPool().query(
      "update public.outbox_messages set status = 'failed', failed_at = now(), attempts = 1, last_error = 'HTTP 422: invalid address' where id = $1",
      [id],
    );
    const failures = await withUser(clinic.owner, (db) => listDeliveryFailures(db, clinic.id));
    expect(failures.find((f) => f.id === id)).toMatchObject({
      last_error: "HTTP 422: invalid address",
      attempts: 1,
      fallback_status: null,
    });
    expect(await withUser(other.owner, (db) => listDeliveryFailures(db, other.id))).toEqual([]);
    await expect(withUser(other.owner, (db) => listDeliveryFailures(db, clinic.id))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
