// Sign-up through better-auth's HTTP handler: the verification mail is an outbox row, sign-in waits for
// verification, and the mailed link verifies, signs in and lands on the callback path.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { closeTestPool, testPool } from "../helpers/factories";
import { appUrl, callAuth, cookieHeader, newAccount } from "../helpers/auth-http";

afterAll(closeTestPool);

async function outboxFor(email: string) {
  const { rows } = await testPool().query<{
    template: string;
    dedupe_key: string;
    payload: { url: string; name: string };
    channel: string;
    status: string;
    locale: string;
  }>(
    "select template, dedupe_key, payload, channel, status, locale from public.outbox_messages where recipient = $1 order by created_at",
    [email],
  );
  return rows;
}

describe("sign-up", () => {
  it("writes one verification mail into the outbox, keyed by the token", async () => {
    const acct = newAccount();
    const res = await callAuth("/sign-up/email", {
      body: { ...acct, locale: "es", callbackURL: "/verify-email?next=%2Fdemo%2Fportal%2Fjoin" },
    });
    expect(res.status).toBe(200);
    expect(cookieHeader(res)).not.toMatch(/session_token/);

    const rows = await outboxFor(acct.email);
    expect(rows).toHaveLength(1);
    const [mail] = rows;
    expect(mail).toMatchObject({ template: "auth.verify_email", channel: "email", status: "pending", locale: "es" });
    expect(mail?.payload.name).toBe(acct.name);
    const token = new URL(mail?.payload.url ?? "").searchParams.get("token") ?? "";
    expect(token).not.toBe("");
    const tokenId = createHash("sha256").update(token).digest("hex").slice(0, 32);
    expect(mail?.dedupe_key).toBe(`auth.verify_email:${tokenId}`);

    const { rows: users } = await testPool().query("select email_verified, locale from public.users where email = $1", [
      acct.email,
    ]);
    expect(users).toEqual([{ email_verified: false, locale: "es" }]);
  });

  it("refuses sign-in before the email is verified", async () => {
    const acct = newAccount();
    await callAuth("/sign-up/email", { body: acct });
    const res = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(cookieHeader(res)).not.toMatch(/session_token/);
    const { rows } = await testPool().query(
      "select 1 from public.sessions s join public.users u on u.id = s.user_id where u.email = $1",
      [acct.email],
    );
    expect(rows).toHaveLength(0);
  });

  it("verifies through the mailed link, signs the person in and redirects to the callback path", async () => {
    const acct = newAccount();
    await callAuth("/sign-up/email", { body: { ...acct, callbackURL: "/verify-email?next=%2Faccount" } });
    const [mail] = await outboxFor(acct.email);
    const link = mail?.payload.url ?? "";
    expect(link.startsWith(`${appUrl()}/api/auth/verify-email?token=`)).toBe(true);

    const res = await callAuth(link);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/verify-email?next=%2Faccount");
    const session = await getAuth().api.getSession({ headers: new Headers({ cookie: cookieHeader(res) }) });
    expect(session?.user.email).toBe(acct.email);
    expect(session?.user.emailVerified).toBe(true);

    const signIn = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
    expect(signIn.status).toBe(200);
  });

  it("rejects a tampered verification token without verifying anyone", async () => {
    const acct = newAccount();
    await callAuth("/sign-up/email", { body: { ...acct, callbackURL: "/verify-email" } });
    const res = await callAuth(`/verify-email?token=not-a-real-token&callbackURL=%2Fverify-email`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/verify-email\?error=/);
    const { rows } = await testPool().query("select email_verified from public.users where email = $1", [acct.email]);
    expect(rows[0]).toEqual({ email_verified: false });
  });
});
