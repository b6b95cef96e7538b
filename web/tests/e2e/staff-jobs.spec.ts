// The jobs page in Chromium: the platform-wide run log (with its error texts) is shown only to a platform
// operator (PLATFORM_ADMIN_EMAILS; here the demo's second vet); the clinic owner sees only the clinic's
// message counts and failures; other staff see neither.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test.beforeAll(async ({ request }) => {
  // at least one run in the log
  const res = await request.get("/api/cron/deliver-outbox", {
    headers: { authorization: "Bearer e2e-cron-secret-0123456789" },
  });
  expect(res.status()).toBe(200);
});

test("the owner sees the clinic's message counts and no platform run log", async ({ page }) => {
  await signIn(page, "owner@demo.vete.test", "/demo/staff/jobs");
  await expect(page.getByRole("heading", { name: "Messages in the last 7 days" })).toBeVisible();
  await expect(page.getByTestId("message-counts")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Last delivery failures" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Recent runs/ })).toHaveCount(0);
  await expect(page.getByTestId("cron-run")).toHaveCount(0);
});

test("a platform operator sees the run log; a vet who is not one sees neither", async ({ page, browser }) => {
  await signIn(page, "vet2@demo.vete.test", "/demo/staff/jobs");
  await expect(page.getByRole("heading", { name: /Recent runs/ })).toBeVisible();
  await expect(page.getByTestId("cron-run").first()).toBeVisible();
  await expect(page.getByTestId("message-counts")).toHaveCount(0);

  const other = await browser.newPage();
  await signIn(other, "vet@demo.vete.test", "/demo/staff/jobs");
  await expect(other.getByRole("status")).toContainText("Only clinic owners can see this page.");
  await expect(other.getByTestId("cron-run")).toHaveCount(0);
  await other.close();
});
