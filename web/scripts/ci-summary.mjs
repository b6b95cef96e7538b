// Sums the pass/fail counts printed by vitest and Playwright in one CI log into "N passed, N failed".
import { readFileSync } from "node:fs";

const [, , logFile, statusArg] = process.argv;
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
const status = Number(statusArg ?? 1);
// A non-zero exit with no counted failure (lint, typecheck, a crash) still counts as one failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);
