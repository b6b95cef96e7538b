// npm run db:migrate - applies pending migrations through the direct connection: DATABASE_URL_DIRECT, else
// DATABASE_URL (or POSTGRES_URL_NON_POOLING, else POSTGRES_URL, as the Supabase integration on Vercel names them).
import { migrate } from "../lib/db/migrate";
import { databaseSettings } from "../lib/env";

async function main() {
  const given = ["DATABASE_URL", "DATABASE_URL_DIRECT", "POSTGRES_URL", "POSTGRES_URL_NON_POOLING"];
  if (!given.some((name) => process.env[name]?.trim())) {
    console.error("DATABASE_URL is not set. `npm start` runs migrations on the embedded database by itself.");
    process.exit(2);
  }
  const db = databaseSettings();
  console.log(`[migrate] through ${db.directUrlFrom}`);
  const result = await migrate(db.directUrl, { log: (l) => console.log(`[migrate] ${l}`), ca: db.ca });
  console.log(`[migrate] ${result.applied.length} applied, ${result.skipped} already applied`);
}

main().catch((err) => {
  console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
