// Scheduled jobs behind a transaction pooler (Debian's PgBouncer, pool_mode = transaction, as Supabase's
// Supavisor): every statement may run on another server connection, so single-flight must not rest on
// session state. Jobs must keep running run after run, and two overlapping runs must still be one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asSystem } from "@/lib/db/context";
import { closePool, getPool } from "@/lib/db/pool";
import { runJob, type BatchResult } from "@/lib/cron/run-job";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { enqueueDueReminders } from "@/lib/notifications/enqueue-due-reminders";
import { startPgBouncer, type Pooler } from "../helpers/pgbouncer";
import { useStandInDatabase } from "../helpers/stand-in-database";

const SERVER_CONNECTIONS = 2;
let pooler: Pooler | undefined;

beforeAll(async () => {
  // Migrations take the direct connection, as in production; the app and the jobs go through the pooler.
  const direct = await useStandInDatabase("cron_pooler");
  pooler = await startPgBouncer(direct, SERVER_CONNECTIONS);
  process.env.DATABASE_URL = pooler.url;
});

afterAll(async () => {
  await closePool();
  await pooler?.stop();
});

/** Short transactions from several app connections at once, so the pooler hands backends around. */
const traffic = () => Promise.all(Array.from({ length: 4 }, () => asSystem((db) => db.query("select pg_sleep(0.02)"))));

describe("scheduled jobs through PgBouncer in transaction mode", () => {
  it("runs through a real transaction pooler: many app connections share two server connections", async () => {
    const pids = await Promise.all(
      Array.from({ length: 6 }, () =>
        getPool()
          .query<{ pid: number }>("select pg_backend_pid() as pid, pg_sleep(0.05)")
          .then((r) => r.rows[0]?.pid),
      ),
    );
    expect(new Set(pids).size).toBeLessThanOrEqual(SERVER_CONNECTIONS);
  });

  it("keeps running both jobs run after run (no run is skipped for a lock nobody holds)", async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [reminders, delivery] = await Promise.all([
        enqueueDueReminders(5_000),
        deliverOutbox(5_000, { providers: { email: null, sms: null, devMailbox: true } }),
        traffic(),
      ]);
      statuses.push(reminders.status, delivery.status);
    }
    expect(statuses).toEqual(Array.from({ length: 12 }, () => "succeeded"));
  });

  it("lets exactly one of three overlapping runs work, round after round", async () => {
    for (let round = 0; round < 4; round++) {
      let ran = 0;
      let skipped = 0;
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const fallback = setTimeout(() => open(), 5_000);
      const batch = async (): Promise<BatchResult> => {
        ran++;
        await Promise.all([gate, traffic()]);
        return { done: 1, failed: 0, skipped: 0, more: false };
      };
      const results = await Promise.all(
        Array.from({ length: 3 }, () =>
          runJob("test-pooler-race", batch, { budgetMs: 10_000 }).then((r) => {
            if (r.status === "skipped" && ++skipped === 2) open();
            return r;
          }),
        ),
      );
      clearTimeout(fallback);
      expect({ round, ran }).toEqual({ round, ran: 1 });
      expect(results.map((r) => r.status).sort()).toEqual(["skipped", "skipped", "succeeded"]);
    }
  });
});
