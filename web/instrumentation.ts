// Runs once when a server process starts (next start, serve.ts, a Vercel cold start): a missing or short
// BETTER_AUTH_SECRET stops it here with the reason instead of at the first sign-in, and a production server
// on a real database will not serve while an account still has the published demo password.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env, isLocalDemo } = await import("@/lib/env");
  env();
  if (process.env.NODE_ENV !== "production" || isLocalDemo()) return;
  const { getPool } = await import("@/lib/db/pool");
  const { demoPasswordRefusal, listAccountsWithDemoPassword } = await import("@/lib/auth/demo-password");
  const emails = await listAccountsWithDemoPassword(getPool());
  if (emails.length) throw new Error(demoPasswordRefusal(emails));
}
