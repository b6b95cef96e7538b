// The demo accounts' password is printed in the README, so an account that still has it belongs to
// whoever reads the README. A real deployment refuses to start while one exists (npm start and the
// server's instrumentation both ask), and nobody can choose it as a password outside the local demo.
// No "server-only": web/scripts/start.ts runs this before the web server exists.
import { verifyPassword } from "better-auth/crypto";
import type { Pool, Client } from "pg";

export const PUBLISHED_DEMO_PASSWORD = "vete-demo-2026";

/** The demo seed's addresses; their hashes are the ones that could carry the published password. */
const DEMO_EMAIL_PATTERN = "%@demo.vete.test";

/** Emails of credential accounts (in the demo domain) whose password is the published demo password. */
export async function listAccountsWithDemoPassword(db: Pool | Client): Promise<string[]> {
  const { rows } = await db.query<{ email: string; password: string }>(
    `select u.email::text as email, a.password
       from public.accounts a join public.users u on u.id = a.user_id
      where a.provider_id = 'credential' and a.password is not null and u.email::text like $1
      order by u.email`,
    [DEMO_EMAIL_PATTERN],
  );
  const found: string[] = [];
  for (const row of rows) {
    if (await verifyPassword({ hash: row.password, password: PUBLISHED_DEMO_PASSWORD })) found.push(row.email);
  }
  return found;
}

export function demoPasswordRefusal(emails: string[]): string {
  return (
    `refusing to start: ${emails.length} account(s) still use the published demo password (${emails.join(", ")}). ` +
    "Delete these accounts or reset their passwords; demo data belongs only in the embedded local database."
  );
}
