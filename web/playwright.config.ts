import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

const sharedLanguage = /staff-forms\.spec\.ts$/;
// Connects the demo clinic to (the stand-in for) Stripe, which turns on Pay now for every demo invoice:
// after the rest.
const demoCardPayments = /payments\.spec\.ts$/;

// The Stripe stand-in (web/tests/helpers/stripe-stand-in.ts) runs beside the app on a fixed port next to it and
// sends signed events to the app's webhook. The app gets test keys pointing at it: card payments are on for
// every spec, but a clinic takes them only after its (stand-in) onboarding, which only payments.spec.ts does
// (in its own project, after the rest).
const stripePort = Number(process.env.E2E_STRIPE_PORT ?? port + 5);
const stripeUrl = `http://127.0.0.1:${stripePort}`;

export default defineConfig({
  testDir: path.join(__dirname, "tests", "e2e"),
  outputDir: path.join(__dirname, "..", "test-results"),
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.join(__dirname, "..", "test-results", "e2e-results.json") }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"] },
      testIgnore: [/\.phone\.spec\.ts$/, sharedLanguage, demoCardPayments],
    },
    // The client's flows on a phone-sized screen with touch (Chromium's Pixel 7 profile).
    { name: "phone", use: { ...devices["Pixel 7"] }, testMatch: /\.phone\.spec\.ts$/ },
    // Specs that switch a shared demo account's saved language run alone, after the rest: another spec signed
    // in as the same person at the same time would see Spanish pages.
    {
      name: "shared-account-language",
      use: { ...devices["Desktop Chrome"] },
      testMatch: sharedLanguage,
      dependencies: ["desktop", "phone"],
    },
    {
      name: "demo-card-payments",
      use: { ...devices["Desktop Chrome"] },
      testMatch: demoCardPayments,
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: [
    {
      command: "npx tsx web/tests/helpers/stripe-stand-in-server.ts",
      cwd: path.join(__dirname, ".."),
      url: `${stripeUrl}/_stand-in/health`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        STRIPE_STAND_IN_PORT: String(stripePort),
        STRIPE_STAND_IN_WEBHOOK_URL: `${baseURL}/api/webhooks/stripe`,
      },
    },
    {
      command: `npx tsx web/scripts/start.ts --throwaway ${process.env.E2E_SKIP_BUILD === "1" ? "--no-build" : ""}`,
      cwd: path.join(__dirname, ".."),
      url: `${baseURL}/api/health`,
      // `next build` plus the throwaway database: about 1.5 min on a quiet 2-core machine, several times that
      // when the machine is shared; a start that takes longer than this is a hang, not a slow build.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      env: {
        PORT: String(port),
        APP_URL: baseURL,
        PG_PORT: "0",
        AUTH_SIGNIN_MAX_PER_MINUTE: "1000",
        // The specs share one demo client account across files; its daily booking budget is not under test here.
        LIMIT_BOOKINGS_PER_CLIENT_PER_DAY: "1000",
        CRON_SECRET: "e2e-cron-secret-0123456789",
        // a platform operator who is only a vet of the demo clinic (staff-jobs.spec.ts)
        PLATFORM_ADMIN_EMAILS: "vet2@demo.vete.test",
        // test keys for the stand-in only (the same values as web/tests/helpers/stripe-stand-in.ts)
        STRIPE_SECRET_KEY: "sk_test_vete_stand_in",
        STRIPE_PUBLISHABLE_KEY: "pk_test_vete_stand_in",
        STRIPE_WEBHOOK_SECRET: "whsec_vete_test_secret",
        STRIPE_API_BASE: stripeUrl,
      },
    },
  ],
});
