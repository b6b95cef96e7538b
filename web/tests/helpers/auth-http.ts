// Helpers for auth integration tests: call better-auth's real HTTP handler (as the route does) with a
// client IP (as web/scripts/serve.ts stamps it) and cookies, outside Next. Not a test file itself.
import { randomUUID } from "node:crypto";
import { getAuth } from "@/lib/auth/auth";
import { env } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";

export const appUrl = () => env().APP_URL;

export function uniqueIp(): string {
  const b = randomUUID().replace(/-/g, "");
  return `10.${parseInt(b.slice(0, 2), 16)}.${parseInt(b.slice(2, 4), 16)}.${parseInt(b.slice(4, 6), 16)}`;
}

export interface CallOptions {
  method?: "GET" | "POST";
  body?: unknown;
  ip?: string;
  cookie?: string;
  handler?: (req: Request) => Promise<Response>;
}

/** Calls /api/auth<path> on the handler (default: the app's auth instance). */
export async function callAuth(path: string, opts: CallOptions = {}): Promise<Response> {
  const url = path.startsWith("http") ? path : `${appUrl()}/api/auth${path}`;
  const headers = new Headers({ origin: appUrl(), [SOCKET_ADDRESS_HEADER]: opts.ip ?? uniqueIp() });
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  if (opts.cookie) headers.set("cookie", opts.cookie);
  const req = new Request(url, {
    method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    redirect: "manual",
  });
  return (opts.handler ?? ((r) => getAuth().handler(r)))(req);
}

/** `name=value; ...` for a Cookie header, from a response's Set-Cookie headers (drops cleared cookies). */
export function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .filter((c) => c.includes("=") && !c.endsWith("="))
    .join("; ");
}

export function newAccount() {
  const id = randomUUID().slice(0, 8);
  return { name: `Auth Test ${id}`, email: `auth-${id}@example.test`, password: `pw-${id}-long-enough` };
}
