// The clinic owner changes when appointment reminders go out on the Schedules page; a vet sees them but
// cannot change them (the API answers 403).
import { expect, test } from "@playwright/test";
import { apiSignedInAs, signIn } from "./support";

test("the owner picks reminder times on the Schedules page; a vet cannot change them", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signIn(page, "owner@demo.vete.test", "/demo/staff/schedules");
  const section = page.getByRole("region", { name: "Appointment reminders" });
  await expect(section.getByLabel("1 day(s) before")).toBeChecked();
  await expect(section.getByLabel("2 hour(s) before")).toBeChecked();
  await section.getByLabel("2 hour(s) before").uncheck();
  await section.getByLabel("2 day(s) before").check();
  await section.getByRole("button", { name: "Save reminders" }).click();
  await expect(section.getByText("Saved.")).toBeVisible();

  const owner = await apiSignedInAs("owner@demo.vete.test");
  const saved = await owner.get("/api/clinics/demo/reminder-settings");
  expect((await saved.json()).settings).toEqual({ enabled: true, offsetsMinutes: [2880, 1440] });

  const vet = await apiSignedInAs("vet@demo.vete.test");
  expect((await vet.get("/api/clinics/demo/reminder-settings")).status()).toBe(200);
  expect(
    (await vet.put("/api/clinics/demo/reminder-settings", { data: { enabled: false, offsetsMinutes: [] } })).status(),
  ).toBe(403);
  const tooMany = await owner.put("/api/clinics/demo/reminder-settings", {
    data: { enabled: true, offsetsMinutes: [60, 120, 240, 1440, 2880] },
  });
  expect(tooMany.status()).toBe(422);
  expect(Object.keys((await tooMany.json()).error.fields)).toContain("offsetsMinutes");

  // back to the defaults for the other tests
  expect(
    (
      await owner.put("/api/clinics/demo/reminder-settings", { data: { enabled: true, offsetsMinutes: [1440, 120] } })
    ).status(),
  ).toBe(200);
  await owner.dispose();
  await vet.dispose();
  await ctx.close();
});
