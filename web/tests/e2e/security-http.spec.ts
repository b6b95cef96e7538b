// Security rules checked against the real server npm start runs: the dev mailbox answers only this
// machine (a request from another interface gets 404 whatever it claims in X-Forwarded-For), and
// guessing one account's password from rotating forwarded addresses ends in 429.
import { networkInterfaces } from "node:os";
import { expect, request, test } from "@playwright/test";

/** This machine's address on a real network interface: a connection to it does not come from loopback. */
function externalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) {
    const found = list?.find((a) => a.family === "IPv4" && !a.internal);
    if (found) return found.address;
  }
  return undefined;
}

const port = () => new URL(test.info().project.use.baseURL ?? "").port;
const rotatingIp = () => `198.51.100.${Math.floor(Math.random() * 254) + 1}`;

test.describe("dev mailbox", () => {
  test("opens from this machine", async ({ request: local }) => {
    expect((await local.get("/api/dev/mailbox?limit=1")).status()).toBe(200);
    expect((await local.get("/dev/mailbox")).status()).toBe(200);
  });

  test("is not found from another interface, even claiming to be local", async () => {
    const address = externalAddress();
    test.skip(!address, "this machine has no non-loopback interface to connect from");
    const remote = await request.newContext({
      baseURL: `http://${address}:${port()}`,
      extraHTTPHeaders: {
        "x-forwarded-for": "127.0.0.1",
        "x-real-ip": "127.0.0.1",
        "x-vercel-forwarded-for": "127.0.0.1",
      },
    });
    expect((await remote.get("/api/health")).status()).toBe(200);
    expect((await remote.get("/api/dev/mailbox?limit=1")).status()).toBe(404);
    expect((await remote.get("/api/dev/mailbox?to=owner%40demo.vete.test")).status()).toBe(404);
    expect((await remote.get("/dev/mailbox")).status()).toBe(404);
    await remote.dispose();
  });
});

test("guessing one account's password from rotating X-Forwarded-For addresses ends in 429", async ({ baseURL }) => {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  // An address nobody owns fails exactly like a wrong password (401), and locks out no demo account.
  const email = `guess-target-${Date.now()}@example.test`;
  let status = 0;
  let attempts = 0;
  while (attempts < 30) {
    attempts++;
    const res = await api.post("/api/auth/sign-in/email", {
      data: { email, password: `guess-${attempts}` },
      headers: { "x-forwarded-for": rotatingIp() },
    });
    status = res.status();
    if (status !== 401) {
      expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
      break;
    }
  }
  expect(status).toBe(429);
  expect(attempts).toBe(11);
  await api.dispose();
});
