// Account language/name routes and the dev mailbox JSON route, called as Next would call them.
import { afterAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { GET as mailboxGet } from "@/app/api/dev/mailbox/route";
import { POST as localePost } from "@/app/api/account/locale/route";
import { POST as profilePost } from "@/app/api/account/profile/route";
import { getSessionUser } from "@/lib/auth/session";
import { closeTestPool, testPool } from "../helpers/factories";
import { appUrl, callAuth, cookieHeader, newAccount } from "../helpers/auth-http";

afterAll(closeTestPool);
// As npm start runs the local demo: its own embedded database, no provider (see dev-mailbox-access.test.ts).
process.env.VETE_EMBEDDED_DB = "1";
const fromThisMachine = { [SOCKET_ADDRESS_HEADER]: "127.0.0.1" };

function post(path: string, body: unknown, cookie?: string): Request {
  const headers = new Headers({ "content-type": "application/json", origin: appUrl() });
  if (cookie) headers.set("cookie", cookie);
  return new Request(`${appUrl()}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

function mergeCookies(old: string, res: Response): string {
  const jar = new Map(old.split("; ").map((c) => [c.split("=")[0] ?? "", c] as const));
  for (const c of cookieHeader(res).split("; ").filter(Boolean)) jar.set(c.split("=")[0] ?? "", c);
  return [...jar.values()].join("; ");
}

async function signedIn() {
  const acct = newAccount();
  await callAuth("/sign-up/email", { body: acct });
  await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
  const res = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
  return { ...acct, cookie: cookieHeader(res) };
}

describe("language and profile", () => {
  it("remembers a signed-out visitor's language in a cookie", async () => {
    const res = await localePost(post("/api/account/locale", { locale: "es" }));
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("vete_locale=es;"))).toBe(true);
  });

  it("rejects an unknown language with the field named", async () => {
    const res = await localePost(post("/api/account/locale", { locale: "fr" }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toHaveProperty("locale");
  });

  it("saves a signed-in person's language on the account and in the session cache at once", async () => {
    const me = await signedIn();
    const res = await localePost(post("/api/account/locale", { locale: "es" }, me.cookie));
    expect(res.status).toBe(200);
    const { rows } = await testPool().query("select locale from public.users where email = $1", [me.email]);
    expect(rows).toEqual([{ locale: "es" }]);
    expect((await getSessionUser(new Headers({ cookie: mergeCookies(me.cookie, res) })))?.locale).toBe("es");
  });

  it("updates the name, refuses an empty one, and requires sign-in", async () => {
    const me = await signedIn();
    expect((await profilePost(post("/api/account/profile", { name: "  New Name  " }, me.cookie))).status).toBe(200);
    const { rows } = await testPool().query("select name from public.users where email = $1", [me.email]);
    expect(rows).toEqual([{ name: "New Name" }]);

    const empty = await profilePost(post("/api/account/profile", { name: " " }, me.cookie));
    expect(empty.status).toBe(422);
    expect((await empty.json()).error.fields).toHaveProperty("name");
    expect((await profilePost(post("/api/account/profile", { email: "x@y.test" }, me.cookie))).status).toBe(422);
    expect((await profilePost(post("/api/account/profile", { name: "Anon" }))).status).toBe(401);
  });
});

describe("dev mailbox route", () => {
  it("returns a recipient's latest mails rendered, newest first, with their links", async () => {
    const acct = newAccount();
    await callAuth("/sign-up/email", { body: { ...acct, callbackURL: "/verify-email" } });
    await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
    await callAuth("/request-password-reset", { body: { email: acct.email, redirectTo: "/reset-password" } });

    const res = await mailboxGet(
      new Request(`${appUrl()}/api/dev/mailbox?to=${encodeURIComponent(acct.email.toUpperCase())}`, {
        headers: fromThisMachine,
      }),
    );
    expect(res.status).toBe(200);
    const { messages } = (await res.json()) as {
      messages: { template: string; recipient: string; subject: string; text: string; links: string[] }[];
    };
    expect(messages.map((m) => m.template)).toEqual(["auth.reset_password", "auth.verify_email"]);
    expect(messages.every((m) => m.recipient === acct.email)).toBe(true);
    expect(messages[0]?.subject).toBe("Reset your Vete password");
    expect(messages[0]?.links).toHaveLength(1);
    expect(messages[0]?.links[0]).toMatch(new RegExp(`^${appUrl()}/api/auth/reset-password/`));
    expect(messages[1]?.links[0]).toMatch(new RegExp(`^${appUrl()}/api/auth/verify-email\\?token=`));
    expect(messages[1]?.text).toContain(acct.name);
  });

  it("rejects a bad limit with the field named", async () => {
    const res = await mailboxGet(new Request(`${appUrl()}/api/dev/mailbox?limit=5000`, { headers: fromThisMachine }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields).toHaveProperty("limit");
  });
});
