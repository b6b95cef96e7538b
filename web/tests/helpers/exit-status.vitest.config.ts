// Config for runner-exit-status.test.ts: runs the test files in VETE_EXIT_STATUS_DIR with the integration
// project's real global setup (throwaway PostgreSQL), to prove a failing test makes Vitest exit non-zero.
import path from "node:path";
import { defineConfig } from "vitest/config";

const dir = process.env.VETE_EXIT_STATUS_DIR;
if (!dir) throw new Error("VETE_EXIT_STATUS_DIR is not set");

export default defineConfig({
  test: {
    root: dir,
    include: ["*.test.ts"],
    globalSetup: [path.join(__dirname, "global-setup.ts")],
    env: { TZ: "UTC" },
  },
});
