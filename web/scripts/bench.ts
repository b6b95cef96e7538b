// npm run bench [name ...] - runs the benchmark scripts in web/scripts/bench/*.ts one after another (each
// starts its own throwaway PostgreSQL and prints numbers; benchmarks are scripts, never timed tests).
// Scripts run with the react-server condition so app modules marked "server-only" load outside Next.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const dir = path.join(__dirname, "bench");
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();
const unknown = wanted.filter((w) => !all.includes(w));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${all.join(", ")}`);
  process.exit(2);
}
const tsx = path.join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
let failed = 0;
for (const name of wanted.length ? wanted : all) {
  console.log(`\n=== bench: ${name} ===`);
  const r = spawnSync(tsx, ["--conditions=react-server", path.join(dir, `${name}.ts`)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
