// The shifted-clock runs (documentation/testing.md) move the clock with libfaketime for the test runner and
// every child it starts. This proves the shift reaches the Next server and Chromium too: otherwise a run
// "on Sunday 23:50" would test a server and a browser that still live on the real day.
import { expect, test } from "@playwright/test";

const MINUTE = 60_000;

test("the Next server and the browser agree with the test runner on the current time (within a minute)", async ({
  page,
  request,
}) => {
  const before = Date.now();
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const server = Date.parse(res.headers()["date"] ?? "");
  await page.goto("/");
  const browser = await page.evaluate(() => Date.now());
  const after = Date.now();
  for (const at of [server, browser]) {
    expect(at).toBeGreaterThan(before - MINUTE);
    expect(at).toBeLessThan(after + MINUTE);
  }
});
