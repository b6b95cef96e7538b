// Delivery job against real Postgres, with local HTTP servers standing in for Resend and for a
// Twilio-compatible SMS provider. Proves: retries with backoff, Retry-After, timeouts, refused connections,
// permanent errors, SMS -> email fallback, overlapping runs, crashed runs and time budgets lose nothing
// and send nothing twice (counted per idempotency key at the stand-in).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closePool } from "@/lib/db/pool";
import { withUser } from "@/lib/db/context";
import { claimOutboxMessages } from "@/lib/notifications/claim-outbox-messages";
import { deliverOutbox, deliverOutboxBatch, type DeliverOptions } from "@/lib/notifications/deliver-outbox";
import { listMyFailedMessages } from "@/lib/notifications/list-my-failed-messages";
import type { Providers } from "@/lib/notifications/providers";
import { resendEmailSender } from "@/lib/notifications/send-email-resend";
import { twilioSmsSender } from "@/lib/notifications/send-sms-twilio";
import { asSystem } from "@/lib/db/context";
import { closeTestPool, createClinic, createUser, testPool, type TestUser } from "../helpers/factories";
import { useStandInDatabase } from "../helpers/stand-in-database";
import { closedPortUrl, startStandIn, type StandIn } from "../helpers/stand-in-provider";

let resend: StandIn;
let sms: StandIn;
let clinicId: string;
let user: TestUser;

function providers(
  over: Partial<{ emailUrl: string; smsUrl: string | null; timeoutMs: number; devMailbox: boolean }> = {},
): Providers {
  const timeoutMs = over.timeoutMs ?? 2_000;
  return {
    email: resendEmailSender({
      apiKey: "re_test",
      baseUrl: over.emailUrl ?? resend.url,
      from: "Vete <no-reply@vete.test>",
      timeoutMs,
    }),
    sms:
      over.smsUrl === null
        ? null
        : twilioSmsSender({
            baseUrl: over.smsUrl ?? sms.url,
            accountSid: "AC123",
            authToken: "tok",
            from: "+15550000000",
            timeoutMs,
          }),
    devMailbox: over.devMailbox ?? false,
  };
}

const fast = (extra: DeliverOptions = {}): DeliverOptions => ({ providers: providers(), random: () => 0.5, ...extra });

async function enqueue(
  opts: {
    channel?: "email" | "sms";
    recipient?: string;
    payload?: Record<string, unknown>;
    userId?: string | null;
  } = {},
): Promise<string> {
  const channel = opts.channel ?? "email";
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.outbox_messages (clinic_id, user_id, channel, recipient, template, locale, payload, dedupe_key)
     values ($1, $2, $3, $4, 'auth.reset_password', 'en', $5, $6) returning id`,
    [
      clinicId,
      opts.userId === undefined ? user.userId : opts.userId,
      channel,
      opts.recipient ?? (channel === "sms" ? "+34600000001" : user.email),
      opts.payload ?? { name: "Ana", url: "/reset/abc" },
      `test:${randomUUID()}`,
    ],
  );
  return rows[0]!.id;
}

async function row(id: string) {
  const { rows } = await testPool().query<{
    status: string;
    attempts: number;
    last_error: string | null;
    next_attempt_at: Date;
    failed_at: Date | null;
    sent_at: Date | null;
    provider_message_id: string | null;
  }>(
    "select status, attempts, last_error, next_attempt_at, failed_at, sent_at, provider_message_id from public.outbox_messages where id = $1",
    [id],
  );
  return rows[0]!;
}

/** Skips the backoff wait so the next run picks the row up now. */
async function makeDue(...ids: string[]) {
  await testPool().query(
    "update public.outbox_messages set next_attempt_at = now() where id = any($1) and status = 'pending'",
    [ids],
  );
}

beforeAll(async () => {
  await useStandInDatabase("notify_delivery");
  resend = await startStandIn();
  sms = await startStandIn();
  user = await createUser({ email: `ana-${randomUUID().slice(0, 6)}@example.test` });
  clinicId = (await createClinic()).id;
});

afterAll(async () => {
  await resend.close();
  await sms.close();
  await closePool();
  await closeTestPool();
});

beforeEach(async () => {
  resend.reset();
  sms.reset();
  // Each test starts with an empty queue so counts are its own.
  await testPool().query(
    "update public.outbox_messages set status = 'cancelled' where status in ('pending', 'sending')",
  );
});

describe("outbox delivery through a stand-in Resend", () => {
  it("retries 500s with backoff, then sends once with the row id as idempotency key", async () => {
    const id = await enqueue();
    resend.setScript((_r, n) =>
      n <= 2 ? { status: 500, body: { name: "internal_server_error", message: "boom" } } : undefined,
    );

    const first = await deliverOutbox(10_000, fast());
    expect(first).toMatchObject({ status: "succeeded", itemsDone: 0, details: { retry: 1 } });
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1 });
    expect(afterFirst.last_error).toContain("HTTP 500");
    // Backoff: 1 min step with jitter 0.5 -> 45 s, so the row is not due again right away.
    expect(afterFirst.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(40_000);
    expect((await deliverOutbox(10_000, fast())).itemsDone).toBe(0);

    await makeDue(id);
    await deliverOutbox(10_000, fast());
    await makeDue(id);
    const third = await deliverOutbox(10_000, fast());
    expect(third.itemsDone).toBe(1);
    expect(await row(id)).toMatchObject({
      status: "sent",
      attempts: 3,
      provider_message_id: "msg_1",
      last_error: null,
    });
    expect(resend.requestsFor(id)).toHaveLength(3);
    expect(resend.deliveries.get(id)).toBe(1);
    const sent = JSON.parse(resend.requests[2]!.body) as { to: string[]; subject: string; text: string; html: string };
    expect(sent.to).toEqual([user.email]);
    expect(sent.subject).toBe("Reset your Vete password");
    expect(sent.html).toContain("<a href=");
    expect(resend.requests[2]!.authorization).toBe("Bearer re_test");
  });

  it("sends stored attachments (an .ics invitation) base64-encoded to the stand-in", async () => {
    const id = await enqueue();
    const ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
    await testPool().query("update public.outbox_messages set attachments = $2 where id = $1", [
      id,
      JSON.stringify([{ filename: "appointment.ics", content_type: "text/calendar; method=REQUEST", content: ics }]),
    ]);
    await deliverOutbox(10_000, fast());
    const body = JSON.parse(resend.requestsFor(id)[0]!.body) as {
      attachments: { filename: string; content_type: string; content: string }[];
    };
    expect(body.attachments).toEqual([
      {
        filename: "appointment.ics",
        content_type: "text/calendar; method=REQUEST",
        content: Buffer.from(ics).toString("base64"),
      },
    ]);
  });

  it("honours 429 Retry-After from the stand-in before trying again", async () => {
    const id = await enqueue();
    resend.setScript((_r, n) =>
      n === 1 ? { status: 429, headers: { "retry-after": "120" }, body: { name: "rate_limit_exceeded" } } : undefined,
    );
    await deliverOutbox(10_000, fast());
    const r = await row(id);
    expect(r.status).toBe("pending");
    const wait = r.next_attempt_at.getTime() - Date.now();
    expect(wait).toBeGreaterThan(110_000);
    expect(wait).toBeLessThan(125_000);
    await makeDue(id);
    await deliverOutbox(10_000, fast());
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(resend.deliveries.get(id)).toBe(1);
  });

  it("treats a stand-in that does not answer in time as transient and dedupes the resend by key", async () => {
    const id = await enqueue();
    resend.setScript((_r, n) => (n === 1 ? { status: 200, delayMs: 1_500 } : undefined));
    await deliverOutbox(10_000, fast({ providers: providers({ timeoutMs: 300 }) }));
    const r = await row(id);
    expect(r).toMatchObject({ status: "pending", attempts: 1 });
    expect(r.last_error).toBe("timed out after 300 ms");
    await new Promise((res) => setTimeout(res, 1_400)); // the slow first answer lands at the stand-in
    await makeDue(id);
    await deliverOutbox(10_000, fast({ providers: providers({ timeoutMs: 300 }) }));
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(resend.requestsFor(id)).toHaveLength(2);
    expect(resend.deliveries.get(id)).toBe(1);
  });

  it("keeps retrying on connection refused until the last attempt, then fails and shows the recipient a notice", async () => {
    const id = await enqueue();
    const down = providers({ emailUrl: await closedPortUrl() });
    for (let i = 1; i <= 3; i++) {
      await deliverOutbox(10_000, fast({ providers: down, maxAttempts: 3 }));
      await makeDue(id);
    }
    const r = await row(id);
    expect(r).toMatchObject({ status: "failed", attempts: 3 });
    expect(r.failed_at).not.toBeNull();
    expect(r.last_error).toMatch(/network error: ECONNREFUSED \(gave up after 3 attempts\)/);

    const notices = await withUser(user, (db) => listMyFailedMessages(db, "en"));
    const mine = notices.find((n) => n.id === id);
    expect(mine?.notice).toBe("We could not email you “Reset your Vete password”. Here are the details:");
    expect(mine?.text).toContain("Someone asked to reset your password");
    const es = await withUser(user, (db) => listMyFailedMessages(db, "es"));
    expect(es.find((n) => n.id === id)?.notice).toContain("No pudimos enviarte por correo");
    // Nobody else sees it.
    const stranger = await createUser();
    expect(await withUser(stranger, (db) => listMyFailedMessages(db, "en"))).toEqual([]);
  });

  it("fails a 422 invalid address at once, with no retries, and the failure is visible to owners", async () => {
    const id = await enqueue({ recipient: "not-an-address@invalid" });
    resend.setScript(() => ({
      status: 422,
      body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." },
    }));
    const run = await deliverOutbox(10_000, fast());
    expect(run).toMatchObject({ itemsFailed: 1, itemsDone: 0 });
    const r = await row(id);
    expect(r).toMatchObject({ status: "failed", attempts: 1 });
    expect(r.last_error).toContain("HTTP 422: validation_error Invalid `to` field.");
    expect(resend.requestsFor(id)).toHaveLength(1);
    expect(resend.deliveries.size).toBe(0);
    // No later run touches it again.
    await deliverOutbox(10_000, fast());
    expect(resend.requestsFor(id)).toHaveLength(1);
    expect((await withUser(user, (db) => listMyFailedMessages(db, "en"))).map((n) => n.id)).toContain(id);
  });
});

describe("SMS through a stand-in provider, falling back to email", () => {
  it("sends form-encoded To/From/Body with basic auth", async () => {
    const id = await enqueue({ channel: "sms", recipient: "+34 600 000 001" });
    await deliverOutbox(10_000, fast());
    expect(await row(id)).toMatchObject({ status: "sent", provider_message_id: "msg_1" });
    const req = sms.requestsFor(id)[0]!;
    expect(req.path).toBe("/2010-04-01/Accounts/AC123/Messages.json");
    expect(req.authorization).toBe(`Basic ${Buffer.from("AC123:tok").toString("base64")}`);
    const form = new URLSearchParams(req.body);
    expect(form.get("To")).toBe("+34600000001");
    expect(form.get("From")).toBe("+15550000000");
    expect(form.get("Body")).toContain("Reset your Vete password");
  });

  it("falls back to email when the provider is down after the last retry, and logs why", async () => {
    const id = await enqueue({ channel: "sms" });
    sms.setScript(() => ({ status: 503 }));
    for (let i = 0; i < 3; i++) {
      await deliverOutbox(10_000, fast({ maxAttempts: 3 }));
      await makeDue(id);
    }
    const smsRow = await row(id);
    expect(smsRow.status).toBe("failed");
    expect(smsRow.last_error).toMatch(/sms failed: HTTP 503 \(gave up after 3 attempts\); fell back to email/);
    const { rows } = await testPool().query<{ id: string; status: string; recipient: string; channel: string }>(
      "select id, status, recipient, channel from public.outbox_messages where dedupe_key = $1",
      [`fallback:${id}`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "sent", channel: "email", recipient: user.email });
    expect(resend.deliveries.get(rows[0]!.id)).toBe(1);
    expect(sms.requestsFor(id)).toHaveLength(3);
    // The person got the email, so no "could not deliver" notice for the SMS.
    expect((await withUser(user, (db) => listMyFailedMessages(db, "en"))).map((n) => n.id)).not.toContain(id);
    const runs = await testPool().query<{ details: Record<string, number> }>(
      "select details from public.cron_runs where job = 'deliver-outbox' and status = 'succeeded' order by id desc limit 2",
    );
    expect(runs.rows.some((r) => (r.details.fell_back ?? 0) >= 1)).toBe(true);
  });

  it("falls back at once on a permanent SMS error or an unusable number", async () => {
    const rejected = await enqueue({ channel: "sms" });
    const badNumber = await enqueue({ channel: "sms", recipient: "call me" });
    sms.setScript(() => ({ status: 400, body: { code: 21211, message: "Invalid 'To' Phone Number" } }));
    await deliverOutbox(10_000, fast());
    expect((await row(rejected)).last_error).toContain(
      "sms failed: HTTP 400: 21211 Invalid 'To' Phone Number; fell back to email",
    );
    expect((await row(badNumber)).last_error).toBe("sms failed: invalid phone number; fell back to email");
    expect(sms.requestsFor(badNumber)).toHaveLength(0);
    await deliverOutbox(10_000, fast());
    const { rows } = await testPool().query<{ status: string }>(
      "select status from public.outbox_messages where dedupe_key = any($1)",
      [[`fallback:${rejected}`, `fallback:${badNumber}`]],
    );
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("falls back when SMS is not configured and there is no dev mailbox; without any email the SMS is failed and noticed", async () => {
    const id = await enqueue({ channel: "sms" });
    const noEmail = await enqueue({ channel: "sms", userId: null });
    await deliverOutbox(10_000, fast({ providers: providers({ smsUrl: null }) }));
    expect((await row(id)).last_error).toBe("sms failed: sms provider not configured; fell back to email");
    expect((await row(noEmail)).last_error).toBe(
      "sms failed: sms provider not configured; no email address to fall back to",
    );
    expect(sms.requests).toHaveLength(0);
  });

  it("delivers to the dev mailbox when no provider is configured and the mailbox is on", async () => {
    const email = await enqueue();
    const text = await enqueue({ channel: "sms" });
    await deliverOutbox(10_000, { providers: { email: null, sms: null, devMailbox: true } });
    expect(await row(email)).toMatchObject({ status: "sent", provider_message_id: "dev-mailbox" });
    expect(await row(text)).toMatchObject({ status: "sent", provider_message_id: "dev-mailbox" });
  });
});

describe("the delivery job under overlap, crashes and time budgets", () => {
  it("two concurrent invocations never send a message twice (one skips on the lock)", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, () => enqueue()));
    resend.setScript(() => ({ status: 200, delayMs: 40 }));
    const [a, b] = await Promise.all([deliverOutbox(20_000, fast()), deliverOutbox(20_000, fast())]);
    expect([a.status, b.status].sort()).toEqual(["skipped", "succeeded"]);
    expect(a.skipped ?? b.skipped).toBe("already running");
    expect(a.itemsDone + b.itemsDone).toBe(30);
    for (const id of ids) expect(resend.requestsFor(id)).toHaveLength(1);
    const skippedRun = await testPool().query("select 1 from public.cron_runs where id = $1 and status = 'skipped'", [
      (a.skipped ? a : b).runId,
    ]);
    expect(skippedRun.rowCount).toBe(1);
  });

  it("overlapping batches that bypass the lock still never claim the same row (skip locked)", async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => enqueue()));
    resend.setScript(() => ({ status: 200, delayMs: 20 }));
    const ctx = { job: "test", runId: 0, budgetMs: 20_000, timeLeft: () => 20_000, outOfTime: () => false };
    const opts = {
      batchSize: 7,
      concurrency: 3,
      leaseMs: 60_000,
      maxAttempts: 6,
      providers: providers(),
      random: () => 0.5,
    };
    const loop = async () => {
      let sent = 0;
      for (;;) {
        const r = await deliverOutboxBatch(ctx, opts);
        sent += r.done;
        if (!r.more) return sent;
      }
    };
    const counts = await Promise.all([loop(), loop(), loop()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(40);
    for (const id of ids) expect(resend.requestsFor(id)).toHaveLength(1);
  });

  it("a run killed mid-batch is finished by the next run after the lease, with the same idempotency key", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => enqueue()));
    // The "killed" run: claims everything, sends the first three, dies before marking anything.
    const claimed = await asSystem((db) => claimOutboxMessages(db, { limit: 50, leaseMs: 60_000 }));
    expect(claimed.map((c) => c.id).sort()).toEqual([...ids].sort());
    const sender = providers().email!;
    for (const c of claimed.slice(0, 3)) {
      expect(
        (await sender.send({ to: c.recipient, subject: "s", text: "t", html: "h", idempotencyKey: c.id })).ok,
      ).toBe(true);
    }
    // Within the lease nobody else takes the rows.
    expect((await deliverOutbox(10_000, fast())).itemsDone).toBe(0);
    // The lease runs out: the rows are moved to where a minute would have left them, rather than waiting
    // for a short real-time lease (which a loaded machine can overrun before the check above).
    await testPool().query(
      `update public.outbox_messages
          set claimed_until = now() - interval '1 second', next_attempt_at = now() - interval '1 second'
        where id = any($1)`,
      [ids],
    );
    const next = await deliverOutbox(10_000, fast());
    expect(next.itemsDone).toBe(6);
    expect(next.details.reclaimed).toBe(6);
    for (const c of claimed) {
      expect(await row(c.id)).toMatchObject({ status: "sent", attempts: 2 });
      expect(resend.deliveries.get(c.id)).toBe(1);
      expect(resend.requestsFor(c.id).length).toBe(claimed.indexOf(c) < 3 ? 2 : 1);
    }
  });

  it("a stale run that finishes after its row was re-claimed changes nothing (fencing on attempts)", async () => {
    const id = await enqueue();
    const [stale] = await asSystem((db) => claimOutboxMessages(db, { limit: 50, leaseMs: 1 }));
    await new Promise((r) => setTimeout(r, 20));
    await deliverOutbox(10_000, fast());
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 2 });
    const { markFailed } = await import("@/lib/notifications/settle-outbox-message");
    expect(await asSystem((db) => markFailed(db, stale!, "late failure"))).toBe(false);
    expect((await row(id)).status).toBe("sent");
  });

  it("a run cut short by its time budget loses and duplicates nothing; later runs finish the work", async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => enqueue()));
    resend.setScript(() => ({ status: 200, delayMs: 100 }));
    const first = await deliverOutbox(350, fast({ concurrency: 2, batchSize: 20 }));
    expect(first.stoppedByBudget).toBe(true);
    expect(first.itemsDone).toBeGreaterThan(0);
    expect(first.itemsDone).toBeLessThan(40);
    expect(first.details.released).toBeGreaterThan(0);
    const logged = await testPool().query<{ stopped_by_budget: boolean; items_done: number }>(
      "select stopped_by_budget, items_done from public.cron_runs where id = $1",
      [first.runId],
    );
    expect(logged.rows[0]).toEqual({ stopped_by_budget: true, items_done: first.itemsDone });
    const released = await testPool().query(
      "select 1 from public.outbox_messages where id = any($1) and status = 'sending'",
      [ids],
    );
    expect(released.rowCount).toBe(0);

    let total = first.itemsDone;
    for (let i = 0; i < 20 && total < 40; i++)
      total += (await deliverOutbox(350, fast({ concurrency: 2, batchSize: 20 }))).itemsDone;
    expect(total).toBe(40);
    for (const id of ids) {
      expect(resend.requestsFor(id)).toHaveLength(1);
      expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
    }
  });
});
