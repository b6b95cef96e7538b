// The demo password is printed in the README: outside the local demo nobody may choose it, at sign-up or
// at a password reset, so no real account can end up with it.
import { afterAll, describe, expect, it } from "vitest";
import { PUBLISHED_DEMO_PASSWORD } from "@/lib/auth/demo-password";
import { closeTestPool, testPool } from "../helpers/factories";
import { callAuth, newAccount } from "../helpers/auth-http";

afterAll(closeTestPool);

describe("the published demo password", () => {
  it("cannot be chosen at sign-up on a real deployment", async () => {
    const acct = newAccount();
    const res = await callAuth("/sign-up/email", { body: { ...acct, password: PUBLISHED_DEMO_PASSWORD } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe("PASSWORD_PUBLISHED");
    const { rowCount } = await testPool().query("select 1 from public.users where email = $1", [acct.email]);
    expect(rowCount).toBe(0);
  });

  it("is still accepted for any other password", async () => {
    const acct = newAccount();
    expect((await callAuth("/sign-up/email", { body: acct })).status).toBe(200);
  });
});
