// Debian's PgBouncer in transaction mode in front of the throwaway Postgres: the same kind of pooler as
// Supabase's Supavisor, where each transaction (or autocommit statement) may run on a different server
// connection. Tests that must hold behind such a pooler connect through the URL this returns.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const BINARIES = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"];

export interface Pooler {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with ${child.exitCode} before it listened`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.once("error", () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port} within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts PgBouncer (pool_mode = transaction, `poolSize` server connections per database) in front of `databaseUrl`. */
export async function startPgBouncer(databaseUrl: string, poolSize = 2): Promise<Pooler> {
  const binary = BINARIES.find((b) => existsSync(b));
  if (!binary) throw new Error("pgbouncer is not installed (Debian: apt-get install pgbouncer); .ci/run installs it");
  const target = new URL(databaseUrl);
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), "vete-pgbouncer-"));
  // As root, PgBouncer refuses to run unless told to switch user; that user must read its files.
  const asRoot = os.userInfo().uid === 0;
  await chmod(dir, 0o755);
  const ini = path.join(dir, "pgbouncer.ini");
  await writeFile(path.join(dir, "userlist.txt"), `"${user.replace(/"/g, '""')}" "${password.replace(/"/g, '""')}"\n`, {
    mode: 0o644,
  });
  await writeFile(
    ini,
    [
      "[databases]",
      `* = host=${target.hostname} port=${target.port}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      "auth_type = plain",
      `auth_file = ${path.join(dir, "userlist.txt")}`,
      "ignore_startup_parameters = extra_float_digits,options",
      "logfile =",
      "",
    ].join("\n"),
    { mode: 0o644 },
  );
  const child = spawn(binary, asRoot ? ["-u", "postgres", ini] : [ini], { stdio: ["ignore", "ignore", "pipe"] });
  // Its log goes to stderr; kept (the tail) for the error message, not printed on every run.
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString("utf8")).slice(-4000);
  });
  try {
    await waitForPort(port, child, 10_000);
  } catch (err) {
    child.kill("SIGTERM");
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${log}`, { cause: err });
  }
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
