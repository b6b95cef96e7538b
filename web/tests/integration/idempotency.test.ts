// Idempotency-Key: the same key and body replays the stored response without running the handler again;
// a different body is refused; a concurrent duplicate never runs the handler twice; a failure frees the key.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closePool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { withIdempotency } from "@/lib/http/idempotency";
import { closeTestPool, testPool } from "../helpers/factories";
import { caught } from "../helpers/rejections";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const newScope = () => `${randomUUID()}:/api/test/orders`;
const newKey = () => `key-${randomUUID()}`;

function countingHandler(status = 201, delayMs = 0) {
  const state = { runs: 0 };
  const run = async () => {
    state.runs++;
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return Response.json({ orderId: `order-${state.runs}` }, { status });
  };
  return { state, run };
}

describe("withIdempotency", () => {
  it("replays the stored response for the same key and body without running the handler again", async () => {
    const opts = { scope: newScope(), key: newKey(), body: '{"sku":"food","qty":2}' };
    const h = countingHandler(201);
    const first = await withIdempotency(opts, h.run);
    const second = await withIdempotency(opts, h.run);
    expect(h.state.runs).toBe(1);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(await first.json()).toEqual({ orderId: "order-1" });
    expect(await second.json()).toEqual({ orderId: "order-1" });
    expect(second.headers.get("Idempotent-Replayed")).toBe("true");
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
  });

  it("refuses the same key with a different body (IDEMPOTENCY_KEY_REUSED, 422)", async () => {
    const scope = newScope();
    const key = newKey();
    const h = countingHandler();
    await withIdempotency({ scope, key, body: '{"qty":1}' }, h.run);
    const err = await caught(withIdempotency({ scope, key, body: '{"qty":2}' }, h.run));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", status: 422 });
    expect(h.state.runs).toBe(1);
  });

  it("answers 409 IDEMPOTENCY_IN_PROGRESS while the first request with the key is still running", async () => {
    const opts = { scope: newScope(), key: newKey(), body: "{}" };
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const startedP = new Promise<void>((r) => (started = r));
    let runs = 0;
    const first = withIdempotency(opts, async () => {
      runs++;
      started();
      await new Promise<void>((r) => (release = r));
      return Response.json({ ok: 1 }, { status: 201 });
    });
    await startedP;
    const err = await caught(
      withIdempotency(opts, async () => {
        runs++;
        return Response.json({ ok: 2 });
      }),
    );
    expect(err).toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS", status: 409 });
    release();
    expect((await first).status).toBe(201);
    expect(runs).toBe(1);
  });

  it("runs the handler once when several requests with the same key arrive at the same time", async () => {
    const opts = { scope: newScope(), key: newKey(), body: '{"a":1}' };
    const h = countingHandler(201, 100);
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => withIdempotency(opts, h.run)));
    expect(h.state.runs).toBe(1);
    let succeeded = 0;
    for (const r of results) {
      if (r.status === "fulfilled") {
        succeeded++;
        expect(r.value.status).toBe(201);
        expect(await r.value.json()).toEqual({ orderId: "order-1" });
      } else {
        expect(r.reason).toMatchObject({ code: "IDEMPOTENCY_IN_PROGRESS", status: 409 });
      }
    }
    expect(succeeded).toBeGreaterThanOrEqual(1);
  });

  it("releases the key when the handler throws, so a retry runs", async () => {
    const opts = { scope: newScope(), key: newKey(), body: "{}" };
    let runs = 0;
    const err = await caught(
      withIdempotency(opts, async () => {
        runs++;
        throw new AppError("SLOT_TAKEN", "Taken.");
      }),
    );
    expect(err).toMatchObject({ code: "SLOT_TAKEN" });
    const retry = await withIdempotency(opts, async () => {
      runs++;
      return Response.json({ ok: true }, { status: 201 });
    });
    expect(retry.status).toBe(201);
    expect(runs).toBe(2);
  });

  it("releases the key when the handler answers 5xx, and stores a 4xx answer for replay", async () => {
    const scope = newScope();
    const fiveKey = newKey();
    let runs = 0;
    const failing = async () => {
      runs++;
      return Response.json({ error: { code: "UNAVAILABLE", message: "Down." } }, { status: 503 });
    };
    expect((await withIdempotency({ scope, key: fiveKey, body: "{}" }, failing)).status).toBe(503);
    expect((await withIdempotency({ scope, key: fiveKey, body: "{}" }, failing)).status).toBe(503);
    expect(runs).toBe(2);

    const fourKey = newKey();
    const conflict = async () => {
      runs++;
      return Response.json({ error: { code: "CONFLICT", message: "No." } }, { status: 409 });
    };
    await withIdempotency({ scope, key: fourKey, body: "{}" }, conflict);
    const replay = await withIdempotency({ scope, key: fourKey, body: "{}" }, conflict);
    expect(replay.status).toBe(409);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(runs).toBe(3);
  });

  it("keeps keys apart per scope (user and path)", async () => {
    const key = newKey();
    const h = countingHandler();
    await withIdempotency({ scope: newScope(), key, body: "{}" }, h.run);
    await withIdempotency({ scope: newScope(), key, body: "{}" }, h.run);
    expect(h.state.runs).toBe(2);
  });

  it("lets a retry take over a key whose first request was abandoned mid-way", async () => {
    const opts = { scope: newScope(), key: newKey(), body: "{}" };
    await testPool().query(
      "insert into private.idempotency_keys (user_key, key, request_hash, created_at) values ($1, $2, encode(sha256('{}'::bytea), 'hex'), now() - interval '10 minutes')",
      [opts.scope, opts.key],
    );
    const h = countingHandler(201);
    const res = await withIdempotency(opts, h.run);
    expect(res.status).toBe(201);
    expect(h.state.runs).toBe(1);
  });

  it("rejects a malformed key with INVALID_INPUT", async () => {
    const h = countingHandler();
    const err = await caught(withIdempotency({ scope: newScope(), key: "short", body: "{}" }, h.run));
    expect(err).toMatchObject({ code: "INVALID_INPUT", status: 422 });
    expect(h.state.runs).toBe(0);
  });
});
