// A visit in the browser, on a phone-sized screen: the vet starts the visit from the calendar card, writes
// SOAP notes, weight and a summary for the owner, adds a charge, finalizes (confirming), and adds an
// addendum; the signed visit can no longer be edited. The owner then sees the shared summary on the pet's
// page and none of the clinical notes. The patient chart, with its weight chart, passes axe.
import { expect, test } from "@playwright/test";
import { apiSignedInAs, demoConsultation, expectNoSeriousA11yViolations, signIn } from "./support";
import { daysFromToday } from "../helpers/dates";

const TZ = "Europe/Madrid";
const phone = { viewport: { width: 390, height: 844 } };
const SOAP = "Intermittent cough for a week, worse at night";
const SUMMARY = "Mild kennel cough; rest and plenty of water.";

test("the vet checks in, writes and finalizes a visit, adds an addendum; the owner sees only the shared summary", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const client = await apiSignedInAs("client@demo.vete.test");
  const petName = `Nube ${Math.floor(Math.random() * 1e6)}`;
  const created = await client.post("/api/clinics/demo/pets", { data: { name: petName, species: "dog" } });
  expect(created.status()).toBe(201);
  const petId = ((await created.json()) as { pet: { id: string } }).pet.id;
  const { serviceId, vetId } = await demoConsultation(client);
  const victor = vetId("Dr. Victor Vet");
  const from = daysFromToday(4, TZ);
  const avail = (await (
    await client.get(
      `/api/clinics/demo/availability?serviceId=${serviceId}&vetId=${victor}&from=${from}&to=${daysFromToday(11, TZ)}`,
    )
  ).json()) as { slots: { startsAt: string }[] };
  // other specs book the same vet at the same time: take the first slot still free
  let startsAt = "";
  for (const slot of avail.slots.slice(-20)) {
    const res = await client.post("/api/clinics/demo/appointments", {
      data: { petId, serviceId, vetId: victor, startsAt: slot.startsAt },
    });
    if (res.status() === 201) {
      startsAt = slot.startsAt;
      break;
    }
  }
  expect(startsAt).not.toBe("");
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date(startsAt));

  const ctx = await browser.newContext(phone);
  const vet = await ctx.newPage();
  await signIn(vet, "vet@demo.vete.test", "/demo/staff");
  await vet.goto(`/demo/staff/calendar?date=${day}`);
  await vet.getByLabel("Vet shown").selectOption({ label: "Dr. Victor Vet" });
  const card = vet
    .getByRole("region", { name: "Dr. Victor Vet" })
    .getByTestId("calendar-appointment")
    .filter({ hasText: petName });
  await card.click();
  await vet.getByRole("dialog").getByRole("button", { name: "Start visit" }).click();
  await vet.waitForURL(/\/demo\/staff\/visits\/[0-9a-f-]{36}$/);
  const visitPath = new URL(vet.url()).pathname;
  await expect(vet.getByRole("heading", { level: 1 })).toHaveText(`Visit for ${petName}`);

  await vet.getByLabel("Subjective").fill(SOAP);
  await vet.getByLabel("Assessment").fill("Infectious tracheobronchitis");
  await vet.getByLabel(/^Diagnoses/).fill("Kennel cough");
  await vet.getByLabel("Weight (kg)").fill("9.8");
  await vet.getByLabel("Temperature (°C)").fill("39.1");
  await vet.getByLabel("Visit summary").fill(SUMMARY);
  await vet.getByLabel("Discharge instructions", { exact: true }).fill("Avoid dog parks for two weeks.");
  await vet.getByLabel(/Share the summary/).check();
  await vet.getByRole("button", { name: "Save visit" }).click();
  await expect(vet.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await vet.getByRole("button", { name: "Add charge" }).click();
  await expect(vet.getByText(/^1 × Consultation/)).toBeVisible();

  vet.once("dialog", (d) => void d.accept());
  await vet.getByRole("button", { name: "Finalize visit" }).click();
  await expect(vet.getByTestId("visit-status")).toContainText("Finalized");
  await expect(vet.getByRole("button", { name: "Save visit" })).toHaveCount(0);
  await expect(vet.getByTestId("soap-notes")).toContainText(SOAP);

  await vet.getByLabel("New addendum").fill("Owner called: cough already better.");
  await vet.getByRole("button", { name: "Add addendum" }).click();
  await expect(vet.getByTestId("addendum")).toContainText("Owner called: cough already better.");

  // the chart shows the visit and the weight
  await vet.getByRole("link", { name: "Back to the chart" }).click();
  await expect(vet.getByRole("heading", { level: 1 })).toHaveText(`${petName}'s chart`);
  await expect(vet.getByRole("table", { name: "Weight history" })).toContainText("9.8");
  await expect(vet.getByRole("link", { name: /Consultation/ })).toHaveAttribute("href", visitPath);
  await ctx.close();

  const owner = await browser.newContext(phone);
  const page = await owner.newPage();
  await signIn(page, "client@demo.vete.test", `/demo/portal/pets/${petId}`);
  const summaries = page.getByRole("region", { name: "Visit summaries" });
  await expect(summaries.getByTestId("visit-summary")).toContainText(SUMMARY);
  await expect(summaries).toContainText("Avoid dog parks for two weeks.");
  await expect(page.locator("body")).not.toContainText(SOAP);
  await expect(page.locator("body")).not.toContainText("Infectious tracheobronchitis");
  await expect(page.locator("body")).not.toContainText("Owner called");
  await owner.close();
  await client.dispose();
});

test("the patient chart passes axe, with the weight chart drawn", async ({ page }) => {
  await signIn(page, "owner@demo.vete.test", "/demo/staff/clients");
  await page
    .getByRole("link", { name: /Carla Client/ })
    .first()
    .click();
  const luna = page.getByRole("link", { name: "Luna", exact: true });
  await page.goto((await luna.getAttribute("href")) ?? "");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Luna's chart");
  await expect(page.getByTestId("weight-chart").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("timeline-entry").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, "patient chart");
  await page.getByRole("link", { name: /Recheck and vaccination/ }).click();
  await expect(page.getByTestId("visit-status")).toContainText("Finalized");
  await expectNoSeriousA11yViolations(page, "finalized visit");
});
