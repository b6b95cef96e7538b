// Idempotency-Key for POSTs: the first request with a key claims it and its response is stored; the same
// key with the same body replays that response; with a different body it is 422; while the first is still
// running, 409. Keys are scoped per user and path and kept 24 hours.
import "server-only";
import { createHash } from "node:crypto";
import { asSystem } from "@/lib/db/context";
import { AppError } from "@/lib/errors";

const KEY_FORMAT = /^[\w.:-]{8,200}$/;
const ABANDONED_AFTER = "2 minutes";

interface StoredKey {
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
  abandoned: boolean;
}

export async function withIdempotency(
  opts: { scope: string; key: string; body: string },
  run: () => Promise<Response>,
): Promise<Response> {
  if (!KEY_FORMAT.test(opts.key)) {
    throw new AppError("INVALID_INPUT", "Idempotency-Key must be 8-200 letters, digits, or . : _ -", {
      fields: { "Idempotency-Key": ["Invalid format"] },
    });
  }
  const hash = createHash("sha256").update(opts.body).digest("hex");
  const claimed = await asSystem(async (db) => {
    await db.query(
      "delete from private.idempotency_keys where user_key = $1 and key = $2 and created_at < now() - interval '24 hours'",
      [opts.scope, opts.key],
    );
    const ins = await db.query(
      "insert into private.idempotency_keys (user_key, key, request_hash) values ($1, $2, $3) on conflict do nothing returning key",
      [opts.scope, opts.key, hash],
    );
    if (ins.rowCount) return null;
    const { rows } = await db.query<StoredKey>(
      `select request_hash, status_code, response_body, (completed_at is null and created_at < now() - interval '${ABANDONED_AFTER}') as abandoned
         from private.idempotency_keys where user_key = $1 and key = $2 for update`,
      [opts.scope, opts.key],
    );
    const row = rows[0];
    if (row?.abandoned && row.request_hash === hash) {
      await db.query("update private.idempotency_keys set created_at = now() where user_key = $1 and key = $2", [
        opts.scope,
        opts.key,
      ]);
      return null;
    }
    return row ?? null;
  });

  if (claimed) {
    if (claimed.request_hash !== hash) {
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used with a different request body.",
      );
    }
    if (claimed.status_code === null) {
      throw new AppError("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still being processed.");
    }
    return Response.json(claimed.response_body, {
      status: claimed.status_code,
      headers: { "Idempotent-Replayed": "true" },
    });
  }

  let response: Response;
  try {
    response = await run();
  } catch (err) {
    await release(opts);
    throw err;
  }
  if (response.status >= 500) {
    await release(opts);
    return response;
  }
  const text = await response.clone().text();
  let stored: unknown = null;
  try {
    stored = text ? JSON.parse(text) : null;
  } catch {
    stored = { raw: text };
  }
  await asSystem((db) =>
    db.query(
      "update private.idempotency_keys set status_code = $3, response_body = $4, completed_at = now() where user_key = $1 and key = $2",
      [opts.scope, opts.key, response.status, JSON.stringify(stored)],
    ),
  );
  return response;
}

async function release(opts: { scope: string; key: string }) {
  await asSystem((db) =>
    db.query("delete from private.idempotency_keys where user_key = $1 and key = $2 and completed_at is null", [
      opts.scope,
      opts.key,
    ]),
  );
}
