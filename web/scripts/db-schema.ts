// npm run db:schema - migrates a throwaway embedded database and writes web/db/schema/ from its catalog.
// Run it after adding a migration and commit the result: the diff shows what the migration really changed.
import { Client } from "pg";
import { migrate } from "../lib/db/migrate";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { generateSchemaSnapshot, SCHEMA_DIR, writeSchemaSnapshot } from "./schema-snapshot";

async function main() {
  const pg = await startEmbeddedPostgres({ throwaway: true, label: "vete-schema" });
  try {
    await migrate(pg.url);
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    try {
      const files = await generateSchemaSnapshot(client);
      await writeSchemaSnapshot(files, process.argv[2] ?? SCHEMA_DIR);
      console.log(`[db:schema] wrote ${files.size} files to ${process.argv[2] ?? "web/db/schema"}`);
    } finally {
      await client.end();
    }
  } finally {
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[db:schema] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
