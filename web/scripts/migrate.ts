// npm run db:migrate - applies pending migrations to DATABASE_URL.
import { migrate } from "../lib/db/migrate";

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set. `npm start` runs migrations on the embedded database by itself.");
    process.exit(2);
  }
  const result = await migrate(url, { log: (l) => console.log(`[migrate] ${l}`) });
  console.log(`[migrate] ${result.applied.length} applied, ${result.skipped} already applied`);
}

main().catch((err) => {
  console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
