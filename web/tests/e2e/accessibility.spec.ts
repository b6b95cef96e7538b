// axe on every main page that is not a client-portal page (those run on a phone in client-portal.phone.spec):
// public and auth pages in English and Spanish, with <html lang> following the language, and the staff area.
// Passing means no serious or critical violation.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./support";

const publicPages = ["/", "/demo", "/sign-in", "/sign-up", "/sign-up?clinic=demo", "/forgot-password"];

for (const locale of ["en", "es"] as const) {
  test(`public and sign-in pages pass axe in ${locale === "en" ? "English" : "Spanish"}`, async ({ page }) => {
    const baseURL = test.info().project.use.baseURL ?? "";
    await page.context().addCookies([{ name: "vete_locale", value: locale, url: baseURL }]);
    for (const path of publicPages) {
      await page.goto(path);
      await expect(page.locator("html"), path).toHaveAttribute("lang", locale);
      await expectNoSeriousA11yViolations(page, `${path} (${locale})`);
    }
    const missing = await page.goto("/no-such-page/at-all");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      locale === "en" ? "Page not found" : "Página no encontrada",
    );
    await expectNoSeriousA11yViolations(page, `404 (${locale})`);
  });
}

test("staff pages pass axe for the owner", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "owner@demo.vete.test", "/demo/staff/clients");
  const carla = page.getByRole("link", { name: /Carla Client/ }).first();
  const carlaPath = (await carla.getAttribute("href")) ?? "";
  const paths = ["", "/calendar", "/calendar/new", "/clients", "/clients/new", "/requests"]
    .concat(["/schedules", "/services", "/settings", "/team", "/jobs"])
    .map((p) => `/demo/staff${p}`);
  for (const path of [...paths, carlaPath, "/account", "/new-clinic"]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoSeriousA11yViolations(page, path);
  }
});
