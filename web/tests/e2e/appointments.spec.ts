// Appointments in the browser, on a phone-sized screen: the demo client books a visit, sees it, moves it
// and cancels it; the receptionist sees a booking on the calendar and checks the pet in; a slot taken in
// another browser context between viewing and confirming shows "That time was just taken" with other times.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { apiSignedInAs as apiAs, demoConsultation, signIn } from "./support";
import { daysFromToday, onOrAfter } from "../helpers/dates";

const TZ = "Europe/Madrid";
const phone = { viewport: { width: 390, height: 844 } };

test.describe.configure({ mode: "serial" });

const madridDate = (offsetDays: number) => daysFromToday(offsetDays, "Europe/Madrid");

async function clientPage(browser: Browser, next: string): Promise<Page> {
  const ctx = await browser.newContext(phone);
  const page = await ctx.newPage();
  await signIn(page, "client@demo.vete.test", next);
  return page;
}

/** Picks the first enabled day on or after today + offset, then its first free time; returns the date. */
async function pickSlot(page: Page, minOffset: number, notDate?: string): Promise<string> {
  const days = page.locator("button[data-date]:not([disabled])");
  await expect(days.first()).toBeVisible();
  const dates = await days.evaluateAll((els) => els.map((e) => e.getAttribute("data-date") ?? ""));
  const date = dates.find((d) => d >= madridDate(minOffset) && d !== notDate);
  if (!date) throw new Error(`no free day from ${madridDate(minOffset)} in ${dates.join(",")}`);
  await page.locator(`button[data-date="${date}"]`).click();
  await expect(page.getByText(`Times in ${TZ}`)).toBeVisible();
  await page.locator("fieldset").nth(1).getByRole("button").first().click();
  return date;
}

async function startBooking(page: Page, pet: string) {
  await page.goto("/demo/portal");
  await page.getByRole("link", { name: "Book a visit" }).click();
  await expect(page.getByRole("heading", { name: "Book a visit" })).toBeVisible();
  await page.getByRole("radio", { name: pet }).click();
  await page.getByRole("radio", { name: /Consultation/ }).click();
  // two demo vets work overlapping hours: pick one, so that "taken" means taken
  await page.getByRole("radio", { name: /Dr\. Victor Vet/ }).click();
}

/** The demo's Consultation service and Dr. Victor Vet's id. */
async function consultationWithVictor(api: Parameters<typeof demoConsultation>[0]) {
  const { serviceId, vetId } = await demoConsultation(api);
  return { serviceId, vetId: vetId("Dr. Victor Vet") };
}

test("a client books a visit on a phone, sees it, reschedules it and cancels it", async ({ browser }) => {
  const page = await clientPage(browser, "/demo/portal");
  await startBooking(page, "Luna");
  // staff-only services are not offered online
  await expect(page.getByRole("radio", { name: /Dental check/ })).toHaveCount(0);
  const bookedDate = await pickSlot(page, 3);
  await expect(page.getByRole("heading", { name: "Confirm your visit" })).toBeVisible();
  const when = (await page.getByTestId("chosen-slot").textContent()) ?? "";
  await page.getByRole("button", { name: "Confirm booking" }).click();

  await page.waitForURL((url) => url.pathname === "/demo/portal/appointments");
  await expect(page.getByText("Your visit is booked.")).toBeVisible();
  const upcoming = page.getByRole("list", { name: "Upcoming" });
  const card = upcoming.getByRole("listitem").filter({ hasText: when });
  await expect(card).toContainText("Consultation · Luna · Dr. Victor Vet");
  await expect(card).toContainText("Confirmed");
  const download = page.waitForEvent("download");
  await card.getByRole("link", { name: "Add to my calendar (.ics)" }).click();
  expect((await download).suggestedFilename()).toBe("appointment.ics");

  await card.getByRole("link", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { name: "Move your appointment" })).toBeVisible();
  await pickSlot(page, 3, bookedDate);
  await page.getByRole("button", { name: /^Move to / }).click();
  await page.waitForURL((url) => url.pathname === "/demo/portal/appointments");
  await expect(page.getByText("Your appointment was moved.")).toBeVisible();
  await expect(upcoming.getByRole("listitem").filter({ hasText: when })).toHaveCount(0);
  const moved = upcoming.getByRole("listitem").filter({ hasText: "Consultation · Luna" }).first();
  await expect(moved).toBeVisible();

  await moved.getByRole("button", { name: "Cancel" }).click();
  await moved.getByLabel("Reason for cancelling").fill("Luna is feeling better");
  await moved.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByRole("list", { name: "Past" })).toContainText("Cancelled: Luna is feeling better");
  await page.context().close();
});

test("the receptionist sees a booked appointment on the calendar and checks the pet in", async ({ browser }) => {
  const client = await apiAs("client@demo.vete.test");
  const { serviceId, vetId } = await consultationWithVictor(client);
  const pets = (await (await client.get("/api/clinics/demo/pets")).json()).items as { id: string; name: string }[];
  const milo = pets.find((p) => p.name === "Milo");
  const day = madridDate(5);
  const avail = await (
    await client.get(
      `/api/clinics/demo/availability?serviceId=${serviceId}&vetId=${vetId}&from=${day}&to=${madridDate(12)}`,
    )
  ).json();
  const slot = avail.slots[0];
  const booked = await client.post("/api/clinics/demo/appointments", {
    data: { petId: milo?.id, serviceId, vetId, startsAt: slot.startsAt },
  });
  expect(booked.status()).toBe(201);
  const slotDay = new Intl.DateTimeFormat("en-CA", { timeZone: TZ }).format(new Date(slot.startsAt));

  const ctx = await browser.newContext(phone);
  const staff = await ctx.newPage();
  await signIn(staff, "reception@demo.vete.test", "/demo/staff");
  await staff.getByRole("link", { name: "Calendar" }).click();
  await expect(staff.getByRole("heading", { name: "Calendar" })).toBeVisible();
  await staff.goto(`/demo/staff/calendar?date=${slotDay}`);
  // a phone shows one vet at a time
  await staff.getByLabel("Vet shown").selectOption({ label: "Dr. Victor Vet" });
  const column = staff.getByRole("region", { name: "Dr. Victor Vet" });
  // who works when, from the same working time as the slot logic
  await expect(column.getByTestId("vet-hours")).toHaveText("09:00–13:00 · 15:00–19:00");
  const card = column.getByTestId("calendar-appointment").filter({ hasText: "Milo" });
  await expect(card).toContainText("Carla Client");
  await expect(card).toContainText("Confirmed");
  await card.click();
  await staff.getByRole("dialog", { name: "Milo · Carla Client" }).getByRole("button", { name: "Check in" }).click();
  await expect(card).toContainText("Checked in");

  await staff.goto(`/demo/staff/calendar?date=${onOrAfter(slotDay, 7)}`);
  await expect(staff.getByRole("region", { name: "Dr. Sofia Salud" }).getByTestId("vet-hours")).toHaveText(
    "Not working this day.",
  );
  await staff.goto(`/demo/staff/calendar?date=${slotDay}&view=week&vet=${vetId}`);
  await expect(staff.getByTestId("calendar-range")).toContainText("Week of Dr. Victor Vet");
  await expect(staff.getByTestId("calendar-appointment").filter({ hasText: "Milo" }).first()).toContainText(
    "Checked in",
  );
  await ctx.close();
  await client.dispose();
});

test("a slot taken in another browser between viewing and confirming shows 'just taken' and other times", async ({
  browser,
}) => {
  const page = await clientPage(browser, "/demo/portal");
  await startBooking(page, "Luna");
  await pickSlot(page, 7);
  const chosen = page.getByTestId("chosen-slot");
  const startsAt = await chosen.getAttribute("data-starts-at");
  const firstLabel = await chosen.textContent();

  // another browser context (the same family booking for Milo) takes that time first
  const other = await clientPage(browser, "/demo/portal");
  const { serviceId, vetId } = await consultationWithVictor(other.request);
  const pets = (await (await other.request.get("/api/clinics/demo/pets")).json()).items as {
    id: string;
    name: string;
  }[];
  const taken = await other.request.post("/api/clinics/demo/appointments", {
    data: { petId: pets.find((p) => p.name === "Milo")?.id, serviceId, vetId, startsAt },
  });
  expect(taken.status()).toBe(201);

  await page.getByRole("button", { name: "Confirm booking" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "That time was just taken." });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Here are the next free times");
  const offers = alert.getByRole("button");
  expect(await offers.count()).toBeGreaterThan(0);
  await offers.first().click();
  await expect(chosen).not.toHaveText(firstLabel ?? "");
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await page.waitForURL((url) => url.pathname === "/demo/portal/appointments");
  await expect(page.getByText("Your visit is booked.")).toBeVisible();
  await other.context().close();
  await page.context().close();
});
