// Sessions live in Postgres with a 5-second signed cookie cache: a revoked session may still be honoured
// from the cache for at most that window, and is refused once the cache expires (real waiting).
import { afterAll, describe, expect, it } from "vitest";
import { getSessionUser } from "@/lib/auth/session";
import { closeTestPool, testPool } from "../helpers/factories";
import { callAuth, cookieHeader, newAccount } from "../helpers/auth-http";

afterAll(closeTestPool);

async function signedInCookie(): Promise<{ cookie: string; email: string }> {
  const acct = newAccount();
  expect((await callAuth("/sign-up/email", { body: acct })).status).toBe(200);
  await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
  const res = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
  expect(res.status).toBe(200);
  const cookie = cookieHeader(res);
  expect(cookie).toMatch(/session_token=/);
  expect(cookie).toMatch(/session_data=/);
  return { cookie, email: acct.email };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("session revocation", () => {
  it("stops honouring a deleted session once the 5-second cookie cache expires", async () => {
    const { cookie, email } = await signedInCookie();
    const headers = new Headers({ cookie });
    expect((await getSessionUser(headers))?.email).toBe(email);

    const revokedAt = Date.now();
    const del = await testPool().query(
      "delete from public.sessions s using public.users u where u.id = s.user_id and u.email = $1",
      [email],
    );
    expect(del.rowCount).toBe(1);

    // Within the window the signed cache still answers without a database read: the accepted trade-off.
    expect((await getSessionUser(headers))?.email).toBe(email);
    expect(Date.now() - revokedAt).toBeLessThan(5_000);

    await sleep(6_000);
    expect(await getSessionUser(headers)).toBeNull();
  }, 20_000);

  it("refuses a session revoked through the API, after the cookie-cache window", async () => {
    const { cookie, email } = await signedInCookie();
    const { rows } = await testPool().query<{ token: string }>(
      "select s.token from public.sessions s join public.users u on u.id = s.user_id where u.email = $1",
      [email],
    );
    expect(rows).toHaveLength(1);
    const res = await callAuth("/revoke-session", { body: { token: rows[0]?.token }, cookie });
    expect(res.status).toBe(200);
    const left = await testPool().query("select 1 from public.sessions where token = $1", [rows[0]?.token]);
    expect(left.rowCount).toBe(0);

    await sleep(6_000);
    expect(await getSessionUser(new Headers({ cookie }))).toBeNull();
    const viaApi = await callAuth("/get-session", { cookie });
    expect(await viaApi.json()).toBeNull();
  }, 20_000);
});
