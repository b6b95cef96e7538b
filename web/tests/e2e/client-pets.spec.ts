// A client adds a pet in the portal and sees it listed; the receptionist then finds that client and the new
// pet in the staff clients pages. Also checks what the JSON routes answer to bad input and wrong roles.
import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("a client adds a pet and the receptionist sees the client and the pet", async ({ browser }) => {
  const petName = `Pixel ${Date.now().toString(36)}`;

  const clientContext = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await clientContext.newPage();
  await signIn(page, "client@demo.vete.test", "/demo/portal");
  await expect(page.getByRole("heading", { name: "My pets" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Luna/ })).toBeVisible();

  await page.getByRole("link", { name: "Add a pet" }).click();
  await expect(page.getByRole("heading", { name: "Add a pet" })).toBeVisible();
  // a mistake first: the person sees which field is wrong
  await page.getByLabel("Weight (kg)").fill("-3");
  await page.getByRole("button", { name: "Add pet" }).click();
  await expect(page.getByText("Enter the pet's name")).toBeVisible();
  await expect(page.getByText("Must be more than 0 kg")).toBeVisible();

  await page.getByLabel("Name").fill(petName);
  await page.getByLabel("Species").selectOption("rabbit");
  await page.getByLabel("Weight (kg)").fill("1,8");
  await page.getByRole("button", { name: "Add pet" }).click();
  await page.waitForURL((url) => url.pathname === "/demo/portal");
  const card = page.getByRole("link", { name: new RegExp(petName) });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Rabbit · 1.8 kg");

  // the JSON routes answer bad input and wrong roles with 4xx and the field names
  const bad = await page.request.post("/api/clinics/demo/pets", { data: { name: "", species: "dragon" } });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["name", "species"]));
  expect((await page.request.get("/api/clinics/demo/pets/not-a-uuid")).status()).toBe(422);
  expect(
    (
      await page.request.patch("/api/clinics/demo/pets/00000000-0000-4000-8000-000000000000", { data: { name: "x" } })
    ).status(),
  ).toBe(404);
  expect((await page.request.get("/api/clinics/demo/clients")).status()).toBe(403);
  const mine = await (await page.request.get("/api/clinics/demo/pets")).json();
  expect(mine.items.map((p: { name: string }) => p.name)).toContain(petName);
  await clientContext.close();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "reception@demo.vete.test", "/demo/staff/clients");
  await expect(staff.getByRole("heading", { name: "Clients" })).toBeVisible();
  // Other specs add clients too: pick the demo client by name and email.
  const row = staff.getByRole("link", { name: /Carla Client.*client@demo/ });
  await expect(row).toContainText(petName);
  await staff.getByRole("searchbox").fill("carla");
  await staff.getByRole("button", { name: "Search" }).click();
  await expect(staff.getByText(/1-1 of 1/)).toBeVisible();
  await staff.getByRole("link", { name: /Carla Client.*client@demo/ }).click();
  await expect(staff.getByRole("heading", { name: "Carla Client" })).toBeVisible();
  await expect(staff.getByRole("list", { name: "Pets" })).toContainText(petName);
  await staffContext.close();
});
