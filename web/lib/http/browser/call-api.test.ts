// The browser JSON client against a real HTTP server on localhost: what it sends, and how every kind of
// failure comes back as one ApiError (our error body, someone else's error page, no server at all).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, readApiError } from "./call-api";
import { errorText } from "@/lib/i18n/error-text";

let server: Server;
let base = "";
let lastRequest: { method?: string; contentType?: string; key?: string; body: string } | null = null;

async function readBody(req: IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) body += String(chunk);
  return body;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      lastRequest = {
        method: req.method,
        contentType: req.headers["content-type"],
        key: req.headers["idempotency-key"] as string | undefined,
        body,
      };
      if (req.url === "/ok") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ pet: { id: "p1" } }));
      } else if (req.url === "/invalid") {
        res
          .writeHead(400, { "content-type": "application/json" })
          .end(
            JSON.stringify({ error: { code: "INVALID_INPUT", message: "Bad input", fields: { name: ["Required"] } } }),
          );
      } else if (req.url === "/taken") {
        res
          .writeHead(409, { "content-type": "application/json" })
          .end(JSON.stringify({ error: { code: "SLOT_TAKEN", message: "Taken", nextSlots: [{ startsAt: "x" }] } }));
      } else {
        res.writeHead(502, { "content-type": "text/html" }).end("<html>Bad gateway</html>");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("callApi", () => {
  it("sends the body as JSON with its headers and returns the parsed data", async () => {
    const r = await callApi<{ pet: { id: string } }>(`${base}/ok`, {
      method: "POST",
      body: { name: "Rex" },
      headers: { "Idempotency-Key": "key-12345678" },
    });
    expect(r).toEqual({ ok: true, data: { pet: { id: "p1" } } });
    expect(lastRequest).toEqual({
      method: "POST",
      contentType: "application/json",
      key: "key-12345678",
      body: '{"name":"Rex"}',
    });
  });

  it("sends no body and no content type for a GET", async () => {
    await callApi(`${base}/ok`);
    expect(lastRequest).toMatchObject({ method: "GET", contentType: undefined, body: "" });
  });

  it("turns an error body into a typed error with its fields", async () => {
    const r = await callApi(`${base}/invalid`, { method: "PATCH", body: {} });
    expect(r).toEqual({
      ok: false,
      error: { status: 400, code: "INVALID_INPUT", message: "Bad input", fields: { name: ["Required"] }, details: {} },
    });
  });

  it("keeps what else the error carried, like the next free slots", async () => {
    const r = await callApi(`${base}/taken`, { method: "POST", body: {} });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details).toEqual({ nextSlots: [{ startsAt: "x" }] });
  });

  it("reports a non-JSON error page as INTERNAL with its status", async () => {
    const r = await callApi(`${base}/proxy-error`, { method: "DELETE" });
    // no message from the server: the dictionary's sentence for the code, in the page's language
    const message = errorText("en", { code: "INTERNAL" });
    expect(r).toEqual({ ok: false, error: { status: 502, code: "INTERNAL", message, fields: {}, details: {} } });
  });

  it("reports an unreachable server as NETWORK with status 0", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const r = await callApi(`http://127.0.0.1:${port}/ok`, { method: "POST", body: {} });
    const message = errorText("en", { code: "NETWORK" });
    expect(message).not.toBe("");
    expect(r).toEqual({ ok: false, error: { status: 0, code: "NETWORK", message, fields: {}, details: {} } });
  });
});

describe("readApiError", () => {
  it("drops field messages that are not text and accepts a single string", () => {
    const e = readApiError(400, { error: { code: "INVALID_INPUT", fields: { a: ["x", 3], b: "y", c: 5 } } });
    expect(e.fields).toEqual({ a: ["x"], b: ["y"] });
  });
});

describe("readApiError in a Spanish page", () => {
  it("words the error and each field from the codes, in the page's language", () => {
    const g = globalThis as { document?: unknown };
    g.document = { documentElement: { lang: "es" } };
    try {
      const e = readApiError(422, {
        error: {
          code: "INVALID_INPUT",
          message: "Please check: name.",
          fields: { name: ["Too small: expected string to have >=1 characters"] },
          issues: { name: [{ code: "too_small", kind: "string", min: 1 }] },
        },
      });
      expect(e.message).toBe(errorText("es", { code: "INVALID_INPUT" }));
      expect(e.message).not.toBe("Please check: name.");
      expect(e.fields.name).toHaveLength(1);
      expect(e.fields.name?.[0]).not.toMatch(/expected string/);
    } finally {
      delete g.document;
    }
  });
});
