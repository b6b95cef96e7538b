// Starts one throwaway embedded PostgreSQL for the integration run (in a child process, see
// test-database-server.ts for why) and applies every migration to it. With VETE_TEST_POOLER=pgbouncer the
// tests reach it through PgBouncer in transaction mode (as the app reaches Supabase through Supavisor);
// migrations still take the direct connection.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import type { TestProject } from "vitest/node";
import { startPgBouncer, type Pooler } from "./pgbouncer";

let server: ChildProcess | undefined;
let pooler: Pooler | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    directDatabaseUrl: string;
  }
}

export async function setup(project: TestProject) {
  const script = path.join(__dirname, "test-database-server.ts");
  server = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["pipe", "pipe", "inherit"] });
  const child = server;
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`test database: unexpected output ${line}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`test database exited with ${code} before it was ready`)));
  });
  project.provide("directDatabaseUrl", url);
  // The pool must hold every transaction the tests keep open at the same time: the booking races open 50
  // racers (each `begin`, then all fire together) while other files run. With fewer server connections the
  // racers past the pool size wait in PgBouncer's queue for a connection the open ones never give back, and
  // the run hangs (as it did at 20). The server allows 200 connections.
  if (process.env.VETE_TEST_POOLER === "pgbouncer") pooler = await startPgBouncer(url, 120);
  else if (process.env.VETE_TEST_POOLER) throw new Error("VETE_TEST_POOLER: the only pooler is pgbouncer");
  project.provide("databaseUrl", pooler?.url ?? url);
}

export async function teardown() {
  await pooler?.stop();
  const child = server;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.stdin?.end();
  await exited;
}
