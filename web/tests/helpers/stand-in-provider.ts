// A local HTTP server standing in for Resend and for a Twilio-compatible SMS provider in fault tests.
// Each request is recorded (with its Idempotency-Key); a script decides the answer (status, headers,
// delay). Like Resend, a repeated idempotency key whose first request succeeded is answered with the
// same id and not "delivered" again, so tests can count real deliveries per key.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StandInRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  authorization: string | null;
  body: string;
  /** Recipient: JSON `to[0]` (Resend) or form `To` (SMS). */
  to: string | null;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
}

export type Script = (req: StandInRequest, n: number) => Reply | undefined;

export interface StandIn {
  url: string;
  requests: StandInRequest[];
  /** Idempotency key -> number of times the message was actually delivered (at most 1 if dedupe works). */
  deliveries: Map<string, number>;
  setScript(script: Script): void;
  requestsFor(key: string): StandInRequest[];
  reset(): void;
  close(): Promise<void>;
}

function recipientOf(path: string, body: string): string | null {
  if (path.endsWith("/Messages.json")) return new URLSearchParams(body).get("To");
  try {
    const parsed = JSON.parse(body) as { to?: unknown };
    return Array.isArray(parsed.to) && typeof parsed.to[0] === "string" ? parsed.to[0] : null;
  } catch {
    return null;
  }
}

export async function startStandIn(): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const deliveries = new Map<string, number>();
  const answered = new Map<string, string>();
  let script: Script = () => undefined;
  let seq = 0;

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const path = req.url ?? "/";
      const rec: StandInRequest = {
        method: req.method ?? "GET",
        path,
        idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
        authorization: req.headers.authorization ?? null,
        body,
        to: recipientOf(path, body),
      };
      requests.push(rec);
      const reply = script(rec, requests.length) ?? { status: 200 };
      const respond = () => {
        if (res.destroyed) return;
        let payload = reply.body;
        if (reply.status < 300) {
          const key = rec.idempotencyKey;
          const previous = key ? answered.get(key) : undefined;
          const id = previous ?? `msg_${++seq}`;
          if (!previous) {
            if (key) answered.set(key, id);
            deliveries.set(key ?? id, (deliveries.get(key ?? id) ?? 0) + 1);
          }
          payload ??= path.endsWith("/Messages.json") ? { sid: id } : { id };
        }
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(JSON.stringify(payload ?? {}));
      };
      if (reply.delayMs) setTimeout(respond, reply.delayMs);
      else respond();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    deliveries,
    setScript: (s) => (script = s),
    requestsFor: (key) => requests.filter((r) => r.idempotencyKey === key),
    reset: () => {
      requests.length = 0;
      deliveries.clear();
      answered.clear();
      script = () => undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening, for "connection refused". */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
