// The login rate limiter lives in Postgres (rate_limits), so every server instance shares one counter:
// simulated here with two separate better-auth instances on the same database.
import { afterAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { closeTestPool, testPool } from "../helpers/factories";
import { callAuth, newAccount, uniqueIp } from "../helpers/auth-http";

afterAll(closeTestPool);

type Auth = ReturnType<typeof getAuth>;

/** A fresh instance, as a second server process would build (the module caches one per process). */
function freshAuthInstance(): Auth {
  const g = globalThis as unknown as { veteAuth?: Auth };
  const previous = g.veteAuth;
  g.veteAuth = undefined;
  const created = getAuth();
  g.veteAuth = previous;
  return created;
}

// A different unknown email each time, so only the per-address limit is in play here.
const attempt = (auth: Auth, ip: string) =>
  callAuth("/sign-in/email", {
    body: { email: newAccount().email, password: "wrong-password" },
    ip,
    handler: (r) => auth.handler(r),
  });

describe("sign-in rate limit", () => {
  const max = env().AUTH_SIGNIN_MAX_PER_MINUTE;

  it("counts attempts from two instances together and refuses attempt max+1 with 429", async () => {
    const a = getAuth();
    const b = freshAuthInstance();
    expect(b).not.toBe(a);
    const ip = uniqueIp();
    for (let i = 0; i < max; i++) {
      const res = await attempt(i % 2 === 0 ? a : b, ip);
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const { rows } = await testPool().query<{ count: number }>(
      "select count from public.rate_limits where key like $1",
      [`%${ip}%`],
    );
    expect(rows).toEqual([{ count: max }]);

    for (const instance of [a, b]) {
      const res = await attempt(instance, ip);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("x-retry-after"))).toBeGreaterThan(0);
    }
    // Another address is not affected.
    expect((await attempt(b, uniqueIp())).status).toBe(401);
  });

  it("takes its state only from Postgres: a counter written elsewhere blocks, deleting the row unblocks", async () => {
    const ip = uniqueIp();
    const a = getAuth();
    expect((await attempt(a, ip)).status).toBe(401);
    const { rows } = await testPool().query<{ key: string }>("select key from public.rate_limits where key like $1", [
      `%${ip}%`,
    ]);
    expect(rows).toHaveLength(1);
    const key = rows[0]?.key ?? "";

    // As if other instances had used up the budget in this window.
    await testPool().query("update public.rate_limits set count = $2, last_request = $3 where key = $1", [
      key,
      max,
      Date.now(),
    ]);
    expect((await attempt(freshAuthInstance(), ip)).status).toBe(429);
    expect((await attempt(a, ip)).status).toBe(429);

    await testPool().query("delete from public.rate_limits where key = $1", [key]);
    expect((await attempt(a, ip)).status).toBe(401);
  });
});
