// A vet prescribes for Milo from the patient chart, dispenses a fill with a batch and sees what remains and the
// refills left; the print view shows the sheet; the client then sees the prescription with its refills left
// on Milo's portal page.
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn } from "./support";

test("a vet prescribes, dispenses a fill and the client sees the refills left", async ({ browser }) => {
  const medication = `Amoxicillin ${Date.now().toString(36)}`;
  const vetContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await vetContext.newPage();
  await signIn(page, "vet@demo.vete.test", "/demo/staff");
  await page.goto("/demo/staff/clients");
  await page.getByRole("link", { name: /Carla Client/ }).click();
  await page.getByRole("link", { name: "Milo", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Milo's chart" })).toBeVisible();

  await page.getByRole("link", { name: "New prescription" }).click();
  // a mistake first: the vet sees which field is wrong
  await page.getByRole("button", { name: "Prescribe" }).click();
  await expect(page.getByLabel("Medication")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Medication").fill(medication);
  await page.getByLabel("Dose").fill("1 tablet");
  await page.getByLabel("Directions").fill("Twice daily for 7 days");
  await page.getByLabel("Quantity per fill").fill("10");
  await page.getByLabel("Unit (tablets, ml…)").fill("tablets");
  await page.getByLabel("Refills").fill("3");
  await page.getByRole("button", { name: "Prescribe" }).click();
  await page.waitForURL((url) => url.pathname.endsWith("/prescriptions"));
  await expect(page.getByRole("heading", { name: "Prescriptions for Milo" })).toBeVisible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: medication }) });
  await expect(card.getByText("Active")).toBeVisible();
  await expect(card.getByTestId("rx-remaining")).toHaveText("40 tablets remaining · 3 refills left");

  await card.getByLabel("Batch / lot").fill("LOT-E2E");
  await card.getByRole("button", { name: "Dispense" }).click();
  await expect(card.getByText("Dispensed.")).toBeVisible();
  await expect(card.getByTestId("rx-remaining")).toHaveText("30 tablets remaining · 2 refills left");
  await card.getByText(/Dispensing record/).click();
  await expect(card.getByText(/10 tablets by Dr\. Victor Vet · batch LOT-E2E/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await card.getByRole("link", { name: "Print" }).click();
  await page.waitForURL((url) => url.pathname.endsWith("/print"));
  await expect(page.getByRole("heading", { name: "Prescription", exact: true })).toBeVisible();
  await expect(page.getByText(medication)).toBeVisible();
  await expect(page.getByText("Vete Demo Clinic").first()).toBeVisible();
  await vetContext.close();

  const clientContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const portal = await clientContext.newPage();
  await signIn(portal, "client@demo.vete.test", "/demo/portal");
  await portal.getByRole("link", { name: /Milo/ }).click();
  const mine = portal.getByRole("listitem").filter({ hasText: medication });
  await expect(mine.getByTestId("portal-rx-refills")).toHaveText("2 refills left · 30 tablets remaining");
  await clientContext.close();
});
