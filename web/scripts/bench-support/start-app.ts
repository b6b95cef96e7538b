// Starts the built app for a benchmark the way `npm start` does (web/scripts/start.ts: migrations, demo data,
// `next build` unless SKIP_BUILD=1, `next start`, the local cron) against a database the benchmark owns, on a
// free port, with throwaway secrets. Resolves once /api/health answers; stop() ends start.ts and its server.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { findFreePort } from "../embedded-postgres";

export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

const root = path.join(__dirname, "..", "..", "..");

export async function startApp(opts: { databaseUrl: string; env?: Record<string, string> }): Promise<RunningApp> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "web", "scripts", "start.ts")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...opts.env,
      DATABASE_URL: opts.databaseUrl,
      PORT: String(port),
      APP_URL: url,
      BETTER_AUTH_SECRET: randomBytes(32).toString("hex"),
      CRON_SECRET: randomBytes(32).toString("hex"),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM"); // start.ts stops next and its cron
    const done = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
    if (!done) child.kill("SIGKILL");
  };

  // A cold build under load takes minutes; an exit of start.ts ends the wait at once.
  const deadline = Date.now() + 15 * 60_000;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone && Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(
    gone ? "the app exited before it answered /api/health" : "the app did not answer /api/health in time",
  );
}
