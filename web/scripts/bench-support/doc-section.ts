// Each benchmark owns one section of documentation/benchmarks.md between `<!-- name:start -->` and
// `<!-- name:end -->`; writing it keeps every other section as it was, so benchmarks can run one at a time.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const file = path.join(__dirname, "..", "..", "..", "documentation", "benchmarks.md");

/** "2026-11-30 13:05 UTC on 2 cores, load average 6.1, 5.0, 4.2": where and under what load a run happened. */
export function runContext(): string {
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(", ");
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus().length} cores, load average ${load}`;
}

/** Replaces the named section (markers included in `body` are added here), or appends it when missing. */
export function writeDocSection(name: string, body: string): void {
  const section = `<!-- ${name}:start -->\n${body.trim()}\n<!-- ${name}:end -->`;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text =
      "# Benchmarks\n\nNumbers printed by `npm run bench` (web/scripts/bench.ts runs every web/scripts/bench/*.ts). Each section belongs to one module.\n";
  }
  const re = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`);
  text = re.test(text) ? text.replace(re, () => section) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
  console.log(`wrote the ${name} section of ${path.relative(process.cwd(), file)}`);
}
