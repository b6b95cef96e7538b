import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.join(__dirname, "web"),
  "server-only": path.join(__dirname, "web/tests/helpers/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    env: { TZ: "UTC" },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["web/lib/**/*.test.ts", "web/tests/unit/**/*.test.ts"],
          environment: "node",
          env: { TZ: "UTC" },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["web/tests/integration/**/*.test.ts", "web/tests/load/**/*.test.ts"],
          environment: "node",
          globalSetup: ["web/tests/helpers/global-setup.ts"],
          setupFiles: ["web/tests/helpers/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          env: { TZ: "UTC", NODE_ENV: "test" },
        },
      },
    ],
  },
});
