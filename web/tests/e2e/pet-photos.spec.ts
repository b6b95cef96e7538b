// A client sets their pet's photo in the portal, in English and in Spanish: a file that is not an image is
// refused with a message under the file input, a real photo is shown (through a signed, expiring URL) and the
// clinic's receptionist sees it on the client's page.
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, signIn, signInAsNewClient } from "./support";

const photo = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 230, g: 150, b: 60 } } })
    .jpeg()
    .toBuffer();

async function newPet(page: Page, name: string): Promise<string> {
  const res = await page.request.post("/api/clinics/demo/pets", { data: { name, species: "cat" } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { pet: { id: string } }).pet.id;
}

async function expectLoaded(page: Page, alt: string) {
  const img = page.getByRole("img", { name: alt });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(1024);
  expect(await img.getAttribute("src")).toMatch(/^\/api\/files\/clinics\/[^?]+\.webp\?expires=\d+&sig=[\w-]+$/);
}

test("a client uploads a photo of their pet and sees it; a file that is not an image is refused", async ({
  page,
  browser,
}) => {
  const owner = `Photo Owner ${Date.now().toString(36)}`;
  await signInAsNewClient(page, "en", owner);
  const petId = await newPet(page, "Miso");
  await page.goto(`/demo/portal/pets/${petId}`);
  await expect(page.getByText("No photo yet")).toBeVisible();

  const input = page.getByLabel("Photo", { exact: true });
  await input.setInputFiles({ name: "miso.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a picture") });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("This file is not a JPEG, PNG or WebP image.")).toBeVisible();
  await expect(input).toHaveAttribute("aria-invalid", "true");

  await input.setInputFiles({ name: "miso.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await page.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByText("Photo saved.")).toBeVisible();
  await expectLoaded(page, "Photo of Miso");
  await expect(page.getByRole("button", { name: "Replace photo" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // a reload signs a fresh URL for the same photo
  await page.reload();
  await expectLoaded(page, "Photo of Miso");

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, "reception@demo.vete.test", "/demo/staff/clients");
  await staff.getByRole("searchbox").fill(owner);
  await staff.getByRole("button", { name: "Search" }).click();
  await staff.getByRole("link", { name: new RegExp(owner) }).click();
  const pets = staff.getByRole("list", { name: "Pets" });
  await expect(pets.getByRole("img", { name: "Photo of Miso" })).toBeVisible();
  await staffContext.close();
});

test("in Spanish: the refusal and the photo read in Spanish", async ({ page }) => {
  await signInAsNewClient(page, "es", "Dueña Con Foto");
  const petId = await newPet(page, "Canela");
  await page.goto(`/demo/portal/pets/${petId}`);
  await expect(page.getByText("Todavía sin foto")).toBeVisible();

  const input = page.getByLabel("Foto", { exact: true });
  await input.setInputFiles({ name: "canela.png", mimeType: "image/png", buffer: Buffer.from("GIF89a, no PNG") });
  await page.getByRole("button", { name: "Subir foto" }).click();
  await expect(page.getByText("Este archivo no es una imagen JPEG, PNG o WebP.")).toBeVisible();

  await input.setInputFiles({ name: "canela.jpg", mimeType: "image/jpeg", buffer: await photo() });
  await page.getByRole("button", { name: "Subir foto" }).click();
  await expect(page.getByText("Foto guardada.")).toBeVisible();
  await expectLoaded(page, "Foto de Canela");
  await expect(page.getByRole("button", { name: "Cambiar foto" })).toBeVisible();
});
