// The dev mailbox hands out password-reset links, so it must answer only in the local demo (npm start's
// embedded database, no provider) and only to a request from this machine. Each case builds the route
// with its own environment (env() is read once per module instance), as a separately started server would.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

const saved = { ...process.env };

beforeEach(() => {
  vi.resetModules();
  process.env.VETE_EMBEDDED_DB = "1";
  delete process.env.RESEND_API_KEY;
  delete process.env.DEV_MAILBOX;
  delete process.env.TRUSTED_PROXY;
});

afterEach(() => {
  process.env = { ...saved };
});

async function askMailbox(headers: Record<string, string>): Promise<number> {
  const { GET } = await import("@/app/api/dev/mailbox/route");
  const res = await GET(new Request("http://localhost:3000/api/dev/mailbox?limit=1", { headers }));
  return res.status;
}

describe("dev mailbox access", () => {
  it("answers the local demo from this machine (IPv4, IPv6 and IPv4-mapped loopback)", async () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect(await askMailbox({ [SOCKET_ADDRESS_HEADER]: address }), address).toBe(200);
    }
  });

  it("is a 404 for another machine, whatever forwarding headers it sends", async () => {
    expect(
      await askMailbox({
        [SOCKET_ADDRESS_HEADER]: "203.0.113.7",
        "x-forwarded-for": "127.0.0.1",
        "x-real-ip": "127.0.0.1",
        "x-vercel-forwarded-for": "127.0.0.1",
      }),
    ).toBe(404);
  });

  it("is a 404 when no trusted source names the client (the server is not npm start's)", async () => {
    delete process.env.VETE_SOCKET_ADDRESS_HEADER;
    expect(await askMailbox({ [SOCKET_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" })).toBe(404);
  });

  it("is a 404 on a database npm start did not embed, even with DEV_MAILBOX=on", async () => {
    delete process.env.VETE_EMBEDDED_DB;
    process.env.DEV_MAILBOX = "on";
    expect(await askMailbox({ [SOCKET_ADDRESS_HEADER]: "127.0.0.1" })).toBe(404);
  });

  it("is a 404 once an email provider is configured, even with DEV_MAILBOX=on", async () => {
    process.env.RESEND_API_KEY = "re_test_key";
    process.env.DEV_MAILBOX = "on";
    expect(await askMailbox({ [SOCKET_ADDRESS_HEADER]: "127.0.0.1" })).toBe(404);
  });

  it("is a 404 behind a proxy, even one that says the client is local", async () => {
    process.env.TRUSTED_PROXY = "vercel";
    expect(await askMailbox({ "x-vercel-forwarded-for": "127.0.0.1", [SOCKET_ADDRESS_HEADER]: "127.0.0.1" })).toBe(404);
  });

  it("stays off in the local demo with DEV_MAILBOX=off", async () => {
    process.env.DEV_MAILBOX = "off";
    expect(await askMailbox({ [SOCKET_ADDRESS_HEADER]: "127.0.0.1" })).toBe(404);
  });
});
