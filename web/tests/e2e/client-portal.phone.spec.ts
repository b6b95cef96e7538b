// The client's pages on a phone (the "phone" project): a new client who reads Spanish gets form errors in
// Spanish and books a visit with the focus moving to each new step; every portal page passes axe (no serious
// or critical violations) in English and in Spanish.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn, signInAsNewClient } from "./support";

/** Picks the last bookable day the picker offers (far from other specs' early slots), then its first time. */
async function pickLateSlot(page: Page) {
  const days = page.locator("button[data-date]:not([disabled])");
  await expect(days.first()).toBeVisible();
  // by keyboard, as the day strip scrolls sideways on a phone
  await days.last().press("Enter");
  await page.locator("fieldset").nth(1).getByRole("button").first().click();
}

test("a new client reading Spanish sees Spanish form errors and books with the focus on each new step", async ({
  page,
}) => {
  await signInAsNewClient(page, "es");
  await page.goto("/demo/portal/pets/new");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page).toHaveTitle(/Añadir mascota/);
  await page.getByLabel("Peso (kg)").fill("-3");
  await page.getByRole("button", { name: "Añadir mascota" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Revisa los campos marcados." })).toBeVisible();
  await expect(page.getByText("Obligatorio.")).toBeVisible();
  await expect(page.getByText("Debe ser como mínimo 0.001.")).toBeVisible();
  await expect(page.getByText("Enter the pet's name")).toHaveCount(0);
  await page.getByLabel("Nombre").fill("Kiwi");
  await page.getByLabel("Peso (kg)").fill("4");
  await page.getByRole("button", { name: "Añadir mascota" }).click();
  await page.waitForURL((url) => url.pathname === "/demo/portal");

  await page.getByRole("link", { name: "Pedir cita" }).first().click();
  // one pet: the flow opens on the service; each choice moves the focus to the next step's heading
  await page.getByRole("radio", { name: /Consultation/ }).click();
  await expect(page.getByRole("heading", { name: "¿Con quién?" })).toBeFocused();
  await page.getByRole("radio", { name: /Cualquier veterinario/ }).click();
  await expect(page.getByRole("heading", { name: "¿Cuándo?" })).toBeFocused();
  await pickLateSlot(page);
  await expect(page.getByRole("heading", { name: "Confirma tu cita" })).toBeFocused();
  await expectNoSeriousA11yViolations(page, "booking confirmation (es)");
  await page.getByRole("button", { name: "Confirmar cita" }).click();
  await page.waitForURL((url) => url.pathname === "/demo/portal/appointments");
  await expect(page.getByRole("list").filter({ hasText: "Kiwi" }).first()).toBeVisible();
});

const portalPages = ["", "/appointments", "/book", "/profile", "/pets/new", "/request"];

test("portal pages pass axe on a phone in English (the demo client)", async ({ page }) => {
  await signIn(page, "client@demo.vete.test", "/demo/portal");
  const luna = page.getByRole("link", { name: /Luna/ }).first();
  const lunaPath = (await luna.getAttribute("href")) ?? "";
  for (const path of [...portalPages.map((p) => `/demo/portal${p}`), lunaPath]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expectNoSeriousA11yViolations(page, `${path} (en)`);
  }
});

test("portal pages pass axe on a phone in Spanish (a new client with a pet)", async ({ page }) => {
  await signInAsNewClient(page, "es", "Pablo Prueba");
  const created = await page.request.post("/api/clinics/demo/pets", { data: { name: "Nube", species: "cat" } });
  expect(created.status()).toBe(201);
  const { pet } = (await created.json()) as { pet: { id: string } };
  for (const path of [...portalPages.map((p) => `/demo/portal${p}`), `/demo/portal/pets/${pet.id}`]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expectNoSeriousA11yViolations(page, `${path} (es)`);
  }
});
