// Calls the app's JSON route handlers as Next does, with a real session cookie from better-auth, so tests
// prove behaviour over HTTP against the real database. Not a test file itself.
import { appUrl, callAuth, cookieHeader, newAccount } from "./auth-http";
import { testPool, type TestUser } from "./factories";

export type Handler = (req: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A real account with a session: signs up, verifies the email, signs in. */
export async function signedIn(): Promise<TestUser & { cookie: string }> {
  const acct = newAccount();
  await callAuth("/sign-up/email", { body: acct });
  const { rows } = await testPool().query<{ id: string }>(
    "update public.users set email_verified = true where email = $1 returning id",
    [acct.email],
  );
  const res = await callAuth("/sign-in/email", { body: { email: acct.email, password: acct.password } });
  return { userId: rows[0]!.id, email: acct.email, name: acct.name, cookie: cookieHeader(res) };
}

export async function call(
  handler: Handler,
  slug: string,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
  params: Record<string, string> = {},
) {
  const headers = new Headers({ origin: appUrl(), cookie });
  if (body !== undefined) headers.set("content-type", "application/json");
  const req = new Request(`${appUrl()}/api/clinics/${slug}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({ clinic: slug, ...params }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
