// Sums the pass/fail counts printed by vitest and Playwright in CI logs into one line "N passed, N failed".
// Usage: node ci-summary.mjs <log> <exit status> [<log> <exit status> ...], one pair per CI step.
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
  console.error("usage: ci-summary.mjs <log> <exit status> [<log> <exit status> ...]");
  process.exit(2);
}

/** Pass/fail counts found in one step's log. */
function count(logFile) {
  const text = readFileSync(logFile, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
  let passed = 0;
  let failed = 0;
  // vitest: "      Tests  12 passed | 1 failed (13)"
  for (const m of text.matchAll(/^\s*Tests\s+(.+)$/gm)) {
    const line = m[1];
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  // playwright list reporter: "  5 passed (30.1s)" / "  1 failed"
  for (const m of text.matchAll(/^\s+(\d+) (passed|failed|flaky)(?: \(|$)/gm)) {
    if (m[2] === "passed") passed += Number(m[1]);
    else failed += Number(m[1]);
  }
  return { passed, failed };
}

let passed = 0;
let failed = 0;
let ok = true;
for (let i = 0; i < args.length; i += 2) {
  const step = count(args[i]);
  const status = Number(args[i + 1] ?? 1);
  // A non-zero exit with no counted failure (lint, typecheck, a crash) still counts as one failure.
  if (status !== 0 && step.failed === 0) step.failed = 1;
  if (status !== 0) ok = false;
  passed += step.passed;
  failed += step.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
