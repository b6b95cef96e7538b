import { describe, expect, it } from "vitest";
import { readJsonBody, readOptionalJsonBody } from "./parse";

const post = (body: BodyInit | null, type = "application/json", headers: Record<string, string> = {}) =>
  new Request("http://x.test/api", { method: "POST", body, headers: { "content-type": type, ...headers } });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    return (err as { code?: string }).code ?? "no code";
  }
}

describe("readJsonBody", () => {
  it("parses a JSON body", async () => {
    expect((await readJsonBody(post('{"a":1}'))).value).toEqual({ a: 1 });
    expect((await readJsonBody(post("[1]", "application/merge-patch+json"))).value).toEqual([1]);
  });

  it("answers 415 for another content type, 400 for malformed JSON, 422 for an empty body", async () => {
    expect(await codeOf(readJsonBody(post('{"a":1}', "text/plain")))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await codeOf(readJsonBody(post('{"a":')))).toBe("BAD_REQUEST");
    expect(await codeOf(readJsonBody(post("  ")))).toBe("INVALID_INPUT");
  });

  it("answers 413 past the limit, whatever Content-Length claims", async () => {
    expect(await codeOf(readJsonBody(post(JSON.stringify({ a: "x".repeat(200) })), 100))).toBe("PAYLOAD_TOO_LARGE");
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(50)));
        c.close();
      },
    });
    const lying = new Request("http://x.test/api", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/json", "content-length": "2" },
      duplex: "half",
    } as RequestInit);
    expect(await codeOf(readJsonBody(lying, 100))).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("readOptionalJsonBody", () => {
  it("accepts no body and any valid JSON", async () => {
    expect(await readOptionalJsonBody(new Request("http://x.test/api", { method: "DELETE" }))).toBe("");
    expect(await readOptionalJsonBody(post("[]"))).toBe("[]");
  });

  it("still refuses a body that is not JSON, malformed or too large", async () => {
    expect(await codeOf(readOptionalJsonBody(post("hello", "text/plain")))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await codeOf(readOptionalJsonBody(post('{"a":')))).toBe("BAD_REQUEST");
    expect(await codeOf(readOptionalJsonBody(post("x".repeat(500)), 100))).toBe("PAYLOAD_TOO_LARGE");
  });
});
