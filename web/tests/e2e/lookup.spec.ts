// The front-desk search as a receptionist uses it: `/` focuses the box on any staff page, typing a pet's name
// lists it, arrow + Enter opens the chart; the owner's phone lists the owner's pets; the staff booking forms
// find the pet by name, or by its owner's name and phone, and book for it. Enter pressed before the answer
// arrives (the server held back here) opens the first result of what was typed, never one of an older search.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn, signInAsNewClient } from "./support";

test("the header search opens a pet's chart from the keyboard", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/clients");
  await expect(page.getByRole("heading", { name: "Clients" })).toBeVisible();

  await page.locator("main").click();
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "Quick search" });
  await expect(box).toBeFocused();
  await page.keyboard.type("Milo");
  const results = page.getByRole("listbox", { name: "Results" });
  const milo = results.getByRole("option", { name: /^Milo\s*Pet/ }).first();
  await expect(milo).toContainText("Carla Client");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await expectNoSeriousA11yViolations(page, "staff search with results open");

  // Escape closes the list and leaves the text; typing again reopens it
  await page.keyboard.press("Escape");
  await expect(results).toBeHidden();
  await expect(box).toHaveValue("Milo");
  await page.keyboard.press("ArrowDown");
  await expect(results).toBeVisible();
  await expect(results.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute(
    "aria-activedescendant",
    (await results.getByRole("option").first().getAttribute("id")) ?? "",
  );
  await expect(results.getByRole("option").first()).toContainText("Milo");
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/demo\/staff\/pets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Milo", level: 1 })).toBeVisible();
  await expect(box).toHaveValue("");
});

/** Holds every lookup answer back, as a slow network would, so Enter can be pressed before it arrives. */
async function slowLookup(page: Page) {
  await page.route("**/api/clinics/demo/lookup?**", async (route) => {
    const response = await route.fetch();
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.fulfill({ response });
  });
}

test("Enter pressed before the results arrive opens the first result once they do", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/clients");
  await slowLookup(page);
  const box = page.getByRole("combobox", { name: "Quick search" });
  await box.click();
  await page.keyboard.type("Milo");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/demo\/staff\/pets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Milo", level: 1 })).toBeVisible();
});

test("Enter on new text while an older search's results are shown waits for the new results", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/clients");
  await slowLookup(page);
  const box = page.getByRole("combobox", { name: "Quick search" });
  await box.fill("Luna");
  await expect(page.getByRole("option", { name: /^Luna\s*Pet/ }).first()).toBeVisible();
  await box.fill("Milo");
  await box.press("Enter");
  await page.waitForURL(/\/demo\/staff\/pets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Milo", level: 1 })).toBeVisible();
});

test("typing on after Enter cancels the choice waiting for results", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/clients");
  await slowLookup(page);
  const box = page.getByRole("combobox", { name: "Quick search" });
  await box.fill("Mil");
  await box.press("Enter");
  await box.press("o");
  await expect(page.getByRole("option", { name: /^Milo\s*Pet/ }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/demo\/staff\/clients$/);
});

test("a client's phone typed with spaces finds the client, and Enter opens the client's page", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  const box = page.getByRole("combobox", { name: "Quick search" });
  await box.fill("+34 600 000 001");
  await expect(page.getByRole("option").first()).toContainText("Carla Client");
  await box.press("Enter");
  await page.waitForURL(/\/demo\/staff\/clients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Carla Client" })).toBeVisible();
});

test("an owner's phone, typed with dashes and the country code, lists the owner's pets; a pet opens its chart", async ({
  page,
}) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/clients");
  const box = page.getByRole("combobox", { name: "Quick search" });
  await box.fill("+34 600-000-001");
  const results = page.getByRole("listbox", { name: "Results" });
  await expect(results.getByRole("option").first()).toContainText("Carla Client");
  const luna = results.getByRole("option", { name: /^Luna\s*Pet/ });
  await expect(luna).toContainText("Carla Client");
  await luna.click();
  await page.waitForURL(/\/demo\/staff\/pets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "Luna", level: 1 })).toBeVisible();
});

test("the words of an owner's name and a pet's name, in any order and with accents, find the pet", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await page.getByRole("combobox", { name: "Quick search" }).fill("lúna CLIENT carla");
  const options = page.getByRole("listbox", { name: "Results" }).getByRole("option");
  await expect(options.first()).toContainText("Luna");
  await expect(options.first()).toContainText("Carla Client");
});

test("the receptionist books by searching the pet, not by scrolling a list", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/calendar/new");
  await page.getByRole("combobox", { name: "Who is it for?" }).fill("mil");
  await page
    .getByRole("option", { name: /^Milo\s*Pet/ })
    .first()
    .click();
  // the chosen pet is selected among its owner's pets
  await expect(page.getByText("Carla Client", { exact: true })).toBeVisible();
  await expect(page.getByRole("radiogroup", { name: "Which pet?" }).getByRole("radio", { name: "Milo" })).toBeChecked();
  await page
    .getByRole("radiogroup", { name: "What for?" })
    .getByRole("radio", { name: /^Consultation/ })
    .click();
  await page.getByRole("radiogroup", { name: "With whom?" }).getByRole("radio", { name: "Any vet" }).click();
  // a late free time, away from the first times other specs book and from the very last one
  const times = page.getByRole("group", { name: /What time\?/ }).getByRole("button");
  await expect(times.first()).toBeVisible();
  const count = await times.count();
  await times.nth(Math.max(0, count - 3)).click();
  await page.getByRole("button", { name: /^Confirm booking · / }).click();
  await page.waitForURL((url) => url.pathname === "/demo/staff/calendar" && url.searchParams.has("date"));
  await expect(page.getByTestId("calendar-appointment").filter({ hasText: "Milo" }).first()).toContainText(
    "Carla Client",
  );
});

test("a client with many pets filters them by name when booking", async ({ page }) => {
  await signInAsNewClient(page, "en", "Breeder Prueba");
  const names = ["Ada", "Bruno", "Coco", "Duna", "Eko", "Fiona", "Gus", "Hera"];
  for (const name of names) {
    const res = await page.request.post("/api/clinics/demo/pets", { data: { name, species: "dog" } });
    expect(res.status()).toBe(201);
  }
  await page.goto("/demo/portal/book");
  const pets = page.getByRole("radiogroup", { name: "Which pet?" });
  await expect(pets.getByRole("radio")).toHaveCount(names.length);
  await page.getByRole("searchbox", { name: "Filter your pets" }).fill("un");
  await expect(pets.getByRole("radio")).toHaveCount(2);
  await pets.getByRole("radio", { name: "Duna" }).click();
  await expect(page.getByRole("radiogroup", { name: "What for?" })).toBeVisible();
});
