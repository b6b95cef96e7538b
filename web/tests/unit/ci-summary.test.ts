// .ci/run ends with the line that CI reads: "N passed, N failed" summed over every step's log (the README's
// test command, then the shifted-clock integration run). A failing step must show in the count and the exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = path.join(__dirname, "..", "..", "scripts", "ci-summary.mjs");
const dir = mkdtempSync(path.join(os.tmpdir(), "vete-ci-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function log(text: string): string {
  const file = path.join(dir, `step-${++n}.log`);
  writeFileSync(file, text);
  return file;
}

function summary(...steps: [string, number][]): { line: string; status: number | null } {
  const args = steps.flatMap(([file, status]) => [file, String(status)]);
  const res = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { line: res.stdout.trim(), status: res.status };
}

const vitestPass = "\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[32m226 passed\x1b[39m\x1b[22m\x1b[90m (226)\x1b[39m\n";
const vitestFail = "      Tests  10 passed | 2 failed (12)\n";
const playwright = "  1 failed\n  3 flaky\n  40 passed (2.1m)\n";

describe("ci-summary", () => {
  it("sums vitest and Playwright counts over every step", () => {
    expect(summary([log(vitestPass + playwright), 1], [log(vitestPass), 0])).toEqual({
      line: "492 passed, 4 failed",
      status: 1,
    });
    expect(summary([log(vitestPass), 0], [log(vitestPass), 0])).toEqual({ line: "452 passed, 0 failed", status: 0 });
  });

  it("fails the run when only the shifted-clock step fails", () => {
    expect(summary([log(vitestPass), 0], [log(vitestFail), 1])).toEqual({ line: "236 passed, 2 failed", status: 1 });
  });

  it("counts a step that exits non-zero without a counted failure (lint, a crash) as one failure", () => {
    expect(summary([log("eslint: 3 problems\n"), 1], [log(vitestPass), 0])).toEqual({
      line: "226 passed, 1 failed",
      status: 1,
    });
  });
});
