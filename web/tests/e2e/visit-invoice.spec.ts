// From a signed visit to a paid-for document, in the browser: the receptionist opens the vet's signed visit,
// clicks "Create invoice", lands on the draft with the visit's charge, issues it and downloads its PDF; the
// visit then links to its invoice instead of offering a second one. The owner downloads the same PDF from the
// portal; another client gets a 404 for it.
import { expect, test } from "@playwright/test";
import { apiSignedInAs, demoConsultation, expectNoSeriousA11yViolations, signIn, signInAsNewClient } from "./support";

test("the receptionist invoices a signed visit with one click, issues it and downloads the PDF; the owner can too", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const owner = await apiSignedInAs("client@demo.vete.test");
  const petName = `Trufa ${Math.floor(Math.random() * 1e6)}`;
  const created = await owner.post("/api/clinics/demo/pets", { data: { name: petName, species: "cat" } });
  expect(created.status()).toBe(201);
  const petId = ((await created.json()) as { pet: { id: string } }).pet.id;
  const { serviceId } = await demoConsultation(owner);

  // the vet's part, over the API: a walk-in visit with one charge, signed
  const vet = await apiSignedInAs("vet@demo.vete.test");
  const opened = await vet.post("/api/clinics/demo/visits", { data: { petId, reason: "Check-up" } });
  expect(opened.status()).toBe(200);
  const visitId = ((await opened.json()) as { visit: { id: string } }).visit.id;
  expect(
    (await vet.post(`/api/clinics/demo/visits/${visitId}/charges`, { data: { kind: "service", serviceId } })).status(),
  ).toBe(201);
  expect((await vet.post(`/api/clinics/demo/visits/${visitId}/finalize`)).status()).toBe(200);
  await vet.dispose();

  const desk = await browser.newContext();
  const page = await desk.newPage();
  await signIn(page, "reception@demo.vete.test", `/demo/staff/visits/${visitId}`);
  await page.getByRole("button", { name: "Create invoice" }).click();
  await page.waitForURL(/\/demo\/staff\/invoices\/[0-9a-f-]{36}$/);
  const invoicePath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft invoice");
  await expect(page.locator("main")).toContainText("Consultation");
  await page.getByRole("button", { name: "Issue invoice" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^Invoice \d{4}-\d{6}$/ });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? "").replace("Invoice ", "");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);

  // the visit now links to its invoice, and offers no second one
  await page.goto(`/demo/staff/visits/${visitId}`);
  await expect(page.getByTestId("visit-invoice")).toHaveText(`Invoice ${number}`);
  await expect(page.getByTestId("visit-invoice")).toHaveAttribute("href", invoicePath);
  await expect(page.getByRole("button", { name: "Create invoice" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "signed visit with its invoice");
  await desk.close();

  // the owner's portal copy: a PDF download behind their sign-in
  const invoiceId = invoicePath.split("/").pop() ?? "";
  const pdf = await owner.get(`/demo/portal/invoices/${invoiceId}/pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toBe(`attachment; filename="${number}.pdf"`);
  await owner.dispose();

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signInAsNewClient(other, "en");
  expect((await other.request.get(`/demo/portal/invoices/${invoiceId}/pdf`)).status()).toBe(404);
  await stranger.close();
});

test("after the owner voids a visit's invoice, the visit lists it with the reason and invoices again", async ({
  page,
}) => {
  const owner = await apiSignedInAs("client@demo.vete.test");
  const petName = `Nube ${Math.floor(Math.random() * 1e6)}`;
  const created = await owner.post("/api/clinics/demo/pets", { data: { name: petName, species: "dog" } });
  const petId = ((await created.json()) as { pet: { id: string } }).pet.id;
  const { serviceId } = await demoConsultation(owner);
  await owner.dispose();
  const vet = await apiSignedInAs("vet@demo.vete.test");
  const opened = await vet.post("/api/clinics/demo/visits", { data: { petId, reason: "Cough" } });
  const visitId = ((await opened.json()) as { visit: { id: string } }).visit.id;
  await vet.post(`/api/clinics/demo/visits/${visitId}/charges`, { data: { kind: "service", serviceId } });
  expect((await vet.post(`/api/clinics/demo/visits/${visitId}/finalize`)).status()).toBe(200);
  await vet.dispose();
  const boss = await apiSignedInAs("owner@demo.vete.test");
  const first = await boss.post(`/api/clinics/demo/visits/${visitId}/invoice`);
  const firstId = ((await first.json()) as { invoice: { id: string } }).invoice.id;
  const voided = await boss.post(`/api/clinics/demo/invoices/${firstId}/void`, { data: { reason: "Wrong owner" } });
  expect(voided.status()).toBe(200);
  await boss.dispose();

  await signIn(page, "reception@demo.vete.test", `/demo/staff/visits/${visitId}`);
  await expect(page.getByTestId("visit-voided-invoices")).toContainText("Draft invoice (void: Wrong owner)");
  await expect(page.getByTestId("visit-invoice")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "signed visit with a voided invoice");
  await page.getByRole("button", { name: "Invoice again" }).click();
  await page.waitForURL(/\/demo\/staff\/invoices\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toContain(firstId);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Draft invoice");
  await page.goto(`/demo/staff/visits/${visitId}`);
  await expect(page.getByTestId("visit-invoice")).toHaveText("Draft invoice");
  await expect(page.getByRole("button", { name: "Invoice again" })).toHaveCount(0);
});

test("the owner sees and keeps the default tax rate for visit charges in the billing settings", async ({ page }) => {
  await signIn(page, "owner@demo.vete.test", "/demo/staff/invoices/settings");
  const select = page.getByLabel("Default tax rate (visit charges)");
  await expect(select.locator("option:checked")).toHaveText("VAT 21%");
  await page.getByRole("button", { name: "Save" }).first().click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Default tax rate (visit charges)").locator("option:checked")).toHaveText("VAT 21%");
  await expectNoSeriousA11yViolations(page, "billing settings");
});
