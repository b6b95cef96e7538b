// Login brute force: the per-address limit keys on the address web/scripts/serve.ts saw on the socket,
// never on a forwarding header the client wrote, and a per-account limit stops guessing one account's
// password from many addresses. Both live in Postgres, shared by every instance.
import { afterAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { closeTestPool, testPool } from "../helpers/factories";
import { appUrl, callAuth, newAccount, uniqueIp } from "../helpers/auth-http";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

afterAll(closeTestPool);

/** A sign-in from one socket address, with whatever forwarding headers the client chose to send. */
function signInFrom(socket: string, body: unknown, forwarded: Record<string, string> = {}) {
  const req = new Request(`${appUrl()}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: appUrl(), "content-type": "application/json", [SOCKET_ADDRESS_HEADER]: socket, ...forwarded },
    body: JSON.stringify(body),
  });
  return getAuth().handler(req);
}

async function verifiedAccount() {
  const acct = newAccount();
  await callAuth("/sign-up/email", { body: acct });
  await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
  return acct;
}

describe("per-address sign-in limit", () => {
  it("ignores a rotating X-Forwarded-For (and X-Real-IP): the socket address is what counts", async () => {
    const socket = uniqueIp();
    const max = env().AUTH_SIGNIN_MAX_PER_MINUTE;
    const statuses: number[] = [];
    for (let i = 0; i <= max; i++) {
      const res = await signInFrom(
        socket,
        { email: newAccount().email, password: "wrong-password" },
        { "x-forwarded-for": uniqueIp(), "x-real-ip": uniqueIp(), "x-vercel-forwarded-for": uniqueIp() },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, max).every((s) => s === 401)).toBe(true);
    expect(statuses[max]).toBe(429);
  });
});

describe("per-account sign-in limit", () => {
  it("refuses the right password after too many wrong ones from rotating addresses, with Retry-After", async () => {
    const acct = await verifiedAccount();
    const max = env().AUTH_FAILED_SIGNIN_MAX;
    for (let i = 0; i < max; i++) {
      const res = await signInFrom(
        uniqueIp(),
        { email: acct.email, password: `wrong-${i}` },
        { "x-forwarded-for": uniqueIp() },
      );
      expect(res.status, `wrong password ${i + 1}`).toBe(401);
    }
    const locked = await signInFrom(uniqueIp(), { email: acct.email.toUpperCase(), password: acct.password });
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(env().AUTH_FAILED_SIGNIN_WINDOW_MINUTES * 60);
    expect(locked.headers.getSetCookie()).toEqual([]);

    // Another account is not affected, and the window's end lets the owner back in.
    const other = await verifiedAccount();
    expect((await signInFrom(uniqueIp(), { email: other.email, password: other.password })).status).toBe(200);
    await testPool().query(
      "update private.rate_limit_counters set window_started_at = now() - interval '1 day' where key like 'failed-sign-in:%'",
    );
    expect((await signInFrom(uniqueIp(), { email: acct.email, password: acct.password })).status).toBe(200);
  });

  it("does not count a correct password as a failure", async () => {
    const acct = await verifiedAccount();
    for (let i = 0; i < env().AUTH_FAILED_SIGNIN_MAX + 2; i++) {
      expect((await signInFrom(uniqueIp(), { email: acct.email, password: acct.password })).status).toBe(200);
    }
  });
});
