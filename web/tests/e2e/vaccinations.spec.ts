// A vet adds a vaccine to the clinic's list, records it for Milo from his chart and sees the status
// and the next due date from the interval; Luna's rabies booster (demo data) shows as due soon, and the
// client sees both on the portal.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./support";
import { daysFromToday } from "../helpers/dates";

test("a vet records a vaccination and sees the status; the client sees it too", async ({ browser }) => {
  const vaccine = `Bordetella ${Date.now().toString(36)}`;
  const vetContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await vetContext.newPage();
  await signIn(page, "vet@demo.vete.test", "/demo/staff");
  await page.goto("/demo/staff/vaccines");
  await expect(page.getByRole("heading", { name: "Vaccines", level: 1 })).toBeVisible();
  const add = page.getByRole("region", { name: "Add vaccine" });
  await add.getByLabel("Name").fill(vaccine);
  await add.getByLabel("Species").selectOption("cat");
  await add.getByLabel("Interval (days)").fill("180");
  await add.getByRole("button", { name: "Add vaccine" }).click();
  await expect(
    page.getByRole("list", { name: "Vaccines" }).getByRole("listitem").filter({ hasText: vaccine }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.goto("/demo/staff/clients");
  await page.getByRole("link", { name: /Carla Client/ }).click();
  await page.getByRole("link", { name: "Milo", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Milo's chart" })).toBeVisible();
  const form = page.getByRole("form", { name: "Record vaccination" });
  if (!(await form.isVisible())) await page.locator("summary", { hasText: "Record vaccination" }).click();
  await form.getByLabel("Vaccine", { exact: true }).selectOption({ label: `${vaccine} (every 180 days)` });
  await form.getByLabel("Batch / lot").fill("BRD-E2E");
  await form.getByRole("button", { name: "Record vaccination" }).click();
  await expect(page.getByText("Vaccination recorded.")).toBeVisible();
  // the chart's timeline shows it beside the visits and weights
  await expect(
    page.getByRole("list", { name: "Timeline" }).getByRole("listitem").filter({ hasText: vaccine }),
  ).toContainText("Vaccination");
  const statusList = page.getByRole("list", { name: "Vaccinations" });
  const line = statusList.getByRole("listitem").filter({ hasText: vaccine });
  await expect(line.getByText("Up to date")).toBeVisible();
  const due = new Intl.DateTimeFormat("en", {
    timeZone: "UTC",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(`${daysFromToday(180, "Europe/Madrid")}T12:00:00Z`));
  await expect(line).toContainText(due);
  await expectNoSeriousA11yViolations(page);

  await page.goBack();
  await page.getByRole("link", { name: "Luna", exact: true }).click();
  await expect(
    page.getByRole("list", { name: "Vaccinations" }).getByRole("listitem").filter({ hasText: "Rabies" }),
  ).toContainText("Due soon");
  await vetContext.close();

  const clientContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const portal = await clientContext.newPage();
  await signIn(portal, "client@demo.vete.test", "/demo/portal");
  await portal.getByRole("link", { name: /Milo/ }).click();
  const mine = portal.getByRole("list", { name: "Vaccinations" }).getByRole("listitem").filter({ hasText: vaccine });
  await expect(mine.getByText("Up to date")).toBeVisible();
  await clientContext.close();
});
