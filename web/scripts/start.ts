// npm start - the whole app on one laptop: embedded PostgreSQL (or DATABASE_URL), migrations, demo data,
// a production build, the web server (serve.ts), and the cron schedule from vercel.json. Ctrl-C stops it all.
// Demo conveniences (demo accounts, generated secrets, the dev mailbox) exist only with the embedded
// database; with DATABASE_URL the secrets must be given, nothing is seeded, and a production build
// refuses to start while an account still has the published demo password.
//   --dev        next dev instead of build + start
//   --no-build   reuse the existing build
//   --throwaway  a fresh database in a temp dir, deleted on exit (end-to-end tests)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { connectionConfig, type DatabaseCa } from "../lib/db/connection-config";
import { databaseSettings } from "../lib/env";
import { Pool } from "pg";
import { DEMO_PASSWORD, demoUsers, DEMO_CLINIC_SLUG, seedDemo } from "../db/seed/seed";
import { demoPasswordRefusal, listAccountsWithDemoPassword } from "../lib/auth/demo-password";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { startLocalCron, type LocalCron } from "./local-cron";

const root = path.join(__dirname, "..", "..");
const dataRoot = path.join(root, ".data");
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const throwaway = args.has("--throwaway");
const build = !dev && !args.has("--no-build") && process.env.SKIP_BUILD !== "1";
const log = (line: string) => console.log(`[vete] ${line}`);

let pg: EmbeddedPostgres | undefined;
let next: ChildProcess | undefined;
let cron: LocalCron | undefined;
let stopping = false;
/** The throwaway run's file store (STORAGE_DIR), deleted with its database. */
let throwawayFiles: string | undefined;

/** Secrets for local runs are generated once and kept under .data/, never committed. */
async function localSecret(name: string): Promise<string> {
  const file = path.join(dataRoot, name);
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataRoot, { recursive: true });
  const value = randomBytes(32).toString("hex");
  await writeFile(file, value, { mode: 0o600 });
  return value;
}

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${argv.join(" ")} exited with ${code}`)),
    );
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the app did not answer ${url}/api/health within ${timeoutMs / 1000}s`);
}

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise<never>(() => undefined);
  stopping = true;
  log("stopping…");
  cron?.stop();
  if (next && next.exitCode === null) {
    const exited = new Promise((r) => next?.once("exit", r));
    next.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    if (next.exitCode === null) next.kill("SIGKILL");
  }
  await pg?.stop().catch((e: unknown) => console.error("[vete] stopping postgres:", e));
  if (throwawayFiles) await rm(throwawayFiles, { recursive: true, force: true }).catch(() => undefined);
  process.exit(code);
}

/** With a real database nothing is generated: a missing secret stops the start with the reason. */
function requireGivenSecret(name: string, minLength: number): string {
  const value = process.env[name];
  if (!value || value.length < minLength) {
    throw new Error(
      `${name} is required with DATABASE_URL (${minLength}+ random characters, e.g. openssl rand -hex 32); ` +
        "npm start generates it only for the embedded demo database",
    );
  }
  return value;
}

async function refuseDemoPasswords(databaseUrl: string, ca: DatabaseCa): Promise<void> {
  const { connectionString, ssl } = connectionConfig(databaseUrl, ca);
  const pool = new Pool({ connectionString, ssl, max: 1, application_name: "vete-start" });
  try {
    const emails = await listAccountsWithDemoPassword(pool);
    if (emails.length) throw new Error(demoPasswordRefusal(emails));
  } finally {
    await pool.end();
  }
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  process.on("exit", () => next?.kill("SIGKILL"));

  const port = Number(process.env.PORT ?? 3000);
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  // DATABASE_URL or the Supabase integration's POSTGRES_URL* names (lib/env.ts databaseSettings()).
  const given = ["DATABASE_URL", "DATABASE_URL_DIRECT", "POSTGRES_URL", "POSTGRES_URL_NON_POOLING"];
  const external = given.some((name) => process.env[name]?.trim()) ? databaseSettings() : undefined;
  let databaseUrl = external?.url;
  const embedded = !external;
  const secrets = embedded
    ? {
        auth: process.env.BETTER_AUTH_SECRET ?? (await localSecret("auth-secret")),
        cron: process.env.CRON_SECRET ?? (await localSecret("cron-secret")),
      }
    : { auth: requireGivenSecret("BETTER_AUTH_SECRET", 32), cron: requireGivenSecret("CRON_SECRET", 16) };
  if (!databaseUrl) {
    const dataDir = throwaway ? undefined : path.join(dataRoot, "pg");
    pg = await startEmbeddedPostgres({
      dataDir,
      label: "vete-e2e",
      port: Number(process.env.PG_PORT ?? 54329),
      throwaway,
      log,
    });
    databaseUrl = pg.url;
    log(`embedded PostgreSQL on port ${pg.port}${throwaway ? " (throwaway)" : `, data in .data/pg`}`);
  } else {
    log("using DATABASE_URL");
  }

  // Migrations through the direct connection: they hold a session lock a transaction pooler would lose.
  const result = await migrate(external?.directUrl ?? databaseUrl, { log, ca: external?.ca });
  log(`migrations: ${result.applied.length} applied, ${result.skipped} already applied`);
  if (embedded) {
    await seedDemo(databaseUrl);
    log("demo data ready");
  } else if (!dev) {
    await refuseDemoPasswords(databaseUrl, external?.ca ?? {});
  }

  const cronSecret = secrets.cron;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    BETTER_AUTH_SECRET: secrets.auth,
    CRON_SECRET: cronSecret,
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
  };
  // Local file store (used unless Supabase Storage is configured): .data/storage, or a temp dir for a throwaway run.
  if (!process.env.STORAGE_DIR) {
    if (throwaway) throwawayFiles = await mkdtemp(path.join(tmpdir(), "vete-files-"));
    env.STORAGE_DIR = throwawayFiles ?? path.join(dataRoot, "storage");
  }
  // Only this script may say the database is its own embedded one.
  delete env.VETE_EMBEDDED_DB;
  if (embedded) env.VETE_EMBEDDED_DB = "1";
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (build) {
    log("building the app (next build)…");
    await run(process.execPath, [nextBin, "build", "web"], env);
  }
  const serve = path.join(root, "web", "scripts", "serve.ts");
  next = spawn(process.execPath, ["--import", "tsx", serve, ...(dev ? ["--dev"] : [])], {
    cwd: root,
    env: { ...env, NODE_ENV: dev ? "development" : "production" },
    stdio: "inherit",
  });
  next.on("exit", (code) => {
    if (!stopping) {
      console.error(`[vete] the web server exited (${code}); stopping`);
      void shutdown(code ?? 1);
    }
  });
  await waitForHealth(appUrl, dev ? 120_000 : 60_000);
  cron = await startLocalCron({ baseUrl: appUrl, secret: cronSecret, log });

  if (!embedded) {
    console.log(`\n  Vete is running at ${appUrl} (DATABASE_URL; no demo data)\n  Press Ctrl-C to stop.\n`);
    return;
  }
  console.log(`
  Vete is running at ${appUrl}
  Demo clinic:   ${appUrl}/${DEMO_CLINIC_SLUG}
  Dev mailbox:   ${appUrl}/dev/mailbox   (from this machine; emails and SMS land here until a provider is configured)
  Demo logins (password: ${DEMO_PASSWORD}):
${demoUsers.map((u) => `    ${u.role.padEnd(13)} ${u.email}`).join("\n")}
  Press Ctrl-C to stop.
`);
}

main().catch((err: unknown) => {
  console.error(`[vete] ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
