// Password reset: the mail is an outbox row; its link leads to /reset-password?token=..., the token sets a
// new password once, and the old password and old sessions stop working.
import { afterAll, describe, expect, it } from "vitest";
import { getSessionUser } from "@/lib/auth/session";
import { closeTestPool, testPool } from "../helpers/factories";
import { appUrl, callAuth, cookieHeader, newAccount } from "../helpers/auth-http";

afterAll(closeTestPool);

async function verifiedAccount() {
  const acct = newAccount();
  expect((await callAuth("/sign-up/email", { body: acct })).status).toBe(200);
  await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
  return acct;
}

async function resetMails(email: string) {
  const { rows } = await testPool().query<{ payload: { url: string }; dedupe_key: string }>(
    "select payload, dedupe_key from public.outbox_messages where recipient = $1 and template = 'auth.reset_password' order by created_at",
    [email],
  );
  return rows;
}

describe("password reset", () => {
  it("mails a link whose token sets a new password exactly once", async () => {
    const acct = await verifiedAccount();
    const signedIn = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
    const oldCookie = cookieHeader(signedIn);

    const req = await callAuth("/request-password-reset", {
      body: { email: acct.email, redirectTo: "/reset-password" },
    });
    expect(req.status).toBe(200);
    const mails = await resetMails(acct.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.dedupe_key).toMatch(/^auth\.reset_password:[0-9a-f]{32}$/);

    const link = mails[0]?.payload.url ?? "";
    expect(link.startsWith(`${appUrl()}/api/auth/reset-password/`)).toBe(true);
    const landing = await callAuth(link);
    expect(landing.status).toBe(302);
    const location = new URL(landing.headers.get("location") ?? "", appUrl());
    expect(location.pathname).toBe("/reset-password");
    const token = location.searchParams.get("token") ?? "";
    expect(token).not.toBe("");

    const newPassword = `${acct.password}-new`;
    expect((await callAuth("/reset-password", { body: { token, newPassword } })).status).toBe(200);
    expect((await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } })).status).toBe(
      401,
    );
    expect((await callAuth("/sign-in/email", { body: { email: acct.email, password: newPassword } })).status).toBe(200);

    const reuse = await callAuth("/reset-password", { body: { token, newPassword: "another-password-1" } });
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ code: "INVALID_TOKEN" });

    // Existing sessions were revoked by the reset (revokeSessionsOnPasswordReset); wait out the cookie cache.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await getSessionUser(new Headers({ cookie: oldCookie }))).toBeNull();
  }, 20_000);

  it("answers the same for an unknown address and mails nothing", async () => {
    const email = newAccount().email;
    const res = await callAuth("/request-password-reset", { body: { email, redirectTo: "/reset-password" } });
    expect(res.status).toBe(200);
    expect(await resetMails(email)).toHaveLength(0);
  });

  it("refuses a too-short new password without using up the token", async () => {
    const acct = await verifiedAccount();
    await callAuth("/request-password-reset", { body: { email: acct.email, redirectTo: "/reset-password" } });
    const landing = await callAuth((await resetMails(acct.email))[0]?.payload.url ?? "");
    const token = new URL(landing.headers.get("location") ?? "", appUrl()).searchParams.get("token") ?? "";
    const short = await callAuth("/reset-password", { body: { token, newPassword: "short" } });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });
    expect((await callAuth("/reset-password", { body: { token, newPassword: "long-enough-password" } })).status).toBe(
      200,
    );
  });
});
