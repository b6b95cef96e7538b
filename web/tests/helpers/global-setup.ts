// Starts one throwaway embedded PostgreSQL for the integration run and applies every migration to it.
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../scripts/embedded-postgres";

let pg: EmbeddedPostgres | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export async function setup(project: TestProject) {
  const dataDir = path.join(os.tmpdir(), `vete-test-${process.pid}-${Date.now()}`);
  pg = await startEmbeddedPostgres({ dataDir, throwaway: true, database: "vete_test" });
  await migrate(pg.url);
  project.provide("databaseUrl", pg.url);
}

export async function teardown() {
  await pg?.stop();
}
