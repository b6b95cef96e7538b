// web/db/schema/ is the reviewed picture of the live schema: regenerated from the migrations into memory,
// it must match the committed files byte for byte, so every migration's real effect shows in a diff.
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { generateSchemaSnapshot, readSchemaSnapshot } from "@/scripts/schema-snapshot";
import { createFreshDatabase, type FreshDatabase } from "../helpers/fresh-database";

let db: FreshDatabase | undefined;

afterAll(async () => {
  await db?.drop();
});

describe("schema snapshot", () => {
  it("web/db/schema matches what the migrations build", async () => {
    db = await createFreshDatabase("vete_schema");
    await migrate(db.url);
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const generated = await generateSchemaSnapshot(client).finally(() => client.end());
    const committed = await readSchemaSnapshot();

    const names = [...new Set([...generated.keys(), ...committed.keys()])].sort();
    const stale = names.filter((name) => generated.get(name) !== committed.get(name));
    const hint = "web/db/schema is out of date: run `npm run db:schema` and commit the result. Files that differ:";
    expect(stale, `${hint}\n${stale.join("\n")}`).toEqual([]);
  });
});
