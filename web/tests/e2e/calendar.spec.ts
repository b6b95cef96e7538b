// The staff time grid in Chromium, as a receptionist uses it: drag an appointment to another vet and time and
// find it there after a reload; a drag onto another booking snaps back with the reason; a keyboard-only move;
// booking by clicking an empty time; a booking made elsewhere appearing without a reload; the spring-forward
// day drawn with 23 hours; axe on the grid, its side panel and the day sheet. Each test uses its own day,
// weeks ahead of the days other specs book.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiSignedInAs, demoConsultation, expectNoSeriousA11yViolations, signIn } from "./support";
import { anchorDay, localTimeAt, nextOffsetChange, utcOffsetMinutes } from "../helpers/dates";

const TZ = "Europe/Madrid";
test.describe.configure({ mode: "serial" });

/** The instant of a Madrid wall-clock time on a date (the offset read at that day's noon). */
function madrid(date: string, time: string): string {
  const offset = utcOffsetMinutes(TZ, localTimeAt(date, "12:00", 0));
  return localTimeAt(date, time, offset).toISOString();
}

interface Desk {
  api: APIRequestContext;
  book(pet: "Milo" | "Luna", vet: "Dr. Victor Vet" | "Dr. Sofia Salud", startsAt: string): Promise<string>;
}

async function desk(): Promise<Desk> {
  const api = await apiSignedInAs("reception@demo.vete.test");
  const { serviceId, vetId } = await demoConsultation(api);
  const clients = (await (await api.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const clientId = clients.items[0]?.id ?? "";
  const pets = (await (await api.get(`/api/clinics/demo/pets?clientId=${clientId}`)).json()) as {
    items: { id: string; name: string }[];
  };
  return {
    api,
    async book(pet, vet, startsAt) {
      const petId = pets.items.find((p) => p.name === pet)?.id;
      const res = await api.post("/api/clinics/demo/appointments", {
        data: { clientId, petId, serviceId, vetId: vetId(vet), startsAt },
      });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { appointment: { id: string } }).appointment.id;
    },
  };
}

async function openDay(page: Page, date: string) {
  await page.goto(`/demo/staff/calendar?date=${date}`);
  await expect(page.getByRole("heading", { name: "Calendar", level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "Time grid" })).toHaveAttribute("data-ready", "true");
}
const column = (page: Page, vet: string) => page.getByRole("region", { name: vet });
const block = (page: Page, vet: string, pet: string) =>
  column(page, vet).getByTestId("calendar-appointment").filter({ hasText: pet });
// grab a block near its top and drop at the same height on the target, so the new start is the target's row
const edge = { x: 12, y: 4 };

test("dragging an appointment to another vet and time saves it there", async ({ page }) => {
  const d = await desk();
  const day = anchorDay(3, 4, TZ);
  await d.book("Milo", "Dr. Victor Vet", madrid(day, "11:00"));
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  const milo = block(page, "Dr. Victor Vet", "Milo");
  await expect(milo).toHaveAccessibleName("11:00–11:30, Milo, Carla Client, Confirmed, Consultation");

  await milo.dragTo(column(page, "Dr. Sofia Salud").locator('[data-time="12:00"]'), {
    sourcePosition: edge,
    targetPosition: edge,
  });
  await expect(page.getByTestId("calendar-notice")).toHaveText("Milo moved to 12:00, Dr. Sofia Salud.");
  await page.reload();
  await expect(block(page, "Dr. Sofia Salud", "Milo")).toHaveAccessibleName(
    "12:00–12:30, Milo, Carla Client, Confirmed, Consultation",
  );
  await expect(block(page, "Dr. Victor Vet", "Milo")).toHaveCount(0);
  await d.api.dispose();
});

test("a drag onto another booking snaps back with the reason", async ({ page }) => {
  const d = await desk();
  const day = anchorDay(4, 4, TZ);
  await d.book("Milo", "Dr. Victor Vet", madrid(day, "10:00"));
  await d.book("Luna", "Dr. Victor Vet", madrid(day, "11:00"));
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  const milo = block(page, "Dr. Victor Vet", "Milo");
  await milo.dragTo(block(page, "Dr. Victor Vet", "Luna"), { sourcePosition: edge, targetPosition: edge });
  await expect(page.getByTestId("calendar-notice")).toHaveText(
    "Not moved: Dr. Victor Vet is not free then (another booking, a break or outside working hours).",
  );
  await expect(milo).toHaveAccessibleName("10:00–10:30, Milo, Carla Client, Confirmed, Consultation");

  // into the vet's midday break (13:00-15:00): refused by the same check, and the block stays put after a reload
  await milo.dragTo(column(page, "Dr. Victor Vet").locator('[data-time="13:30"]'), {
    sourcePosition: edge,
    targetPosition: edge,
  });
  await expect(page.getByTestId("calendar-notice")).toHaveText(
    "Not moved: Dr. Victor Vet is not free then (another booking, a break or outside working hours).",
  );
  await page.reload();
  await expect(block(page, "Dr. Victor Vet", "Milo")).toHaveAccessibleName(
    "10:00–10:30, Milo, Carla Client, Confirmed, Consultation",
  );
  await d.api.dispose();
});

test("an appointment moves with the keyboard alone: M, arrows, Enter", async ({ page }) => {
  const d = await desk();
  const day = anchorDay(5, 4, TZ);
  await d.book("Luna", "Dr. Victor Vet", madrid(day, "10:00"));
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  const luna = block(page, "Dr. Victor Vet", "Luna");
  await luna.focus();
  await expect(luna).toBeFocused();
  await page.keyboard.press("m");
  await expect(page.getByTestId("calendar-notice")).toContainText("Moving Luna to 10:00, Dr. Victor Vet.");
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("calendar-notice")).toContainText("Moving Luna to 11:00, Dr. Sofia Salud.");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("calendar-notice")).toHaveText("Luna moved to 11:00, Dr. Sofia Salud.");
  await page.reload();
  await expect(block(page, "Dr. Sofia Salud", "Luna")).toHaveAccessibleName(
    "11:00–11:30, Luna, Carla Client, Confirmed, Consultation",
  );

  // Escape leaves it where it was
  const moved = block(page, "Dr. Sofia Salud", "Luna");
  await moved.focus();
  await page.keyboard.press("m");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("calendar-notice")).toHaveText("Move cancelled.");
  await expect(moved).toHaveAccessibleName("11:00–11:30, Luna, Carla Client, Confirmed, Consultation");
  await d.api.dispose();
});

test("clicking an empty time books there with that vet and time chosen", async ({ page }) => {
  const day = anchorDay(2, 4, TZ);
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  await column(page, "Dr. Victor Vet").locator('[data-time="16:00"]').click();
  await page.waitForURL((url) => url.pathname === "/demo/staff/calendar/new" && url.searchParams.has("start"));
  await expect(page.getByTestId("booking-at")).toContainText("Booking with Dr. Victor Vet at");
  // the clinic's search: choosing the client lists the client's pets
  await page.getByRole("combobox", { name: "Who is it for?" }).fill("Carla");
  await page.getByRole("option", { name: /^Carla Client\s*Client/ }).click();
  await page.getByRole("radiogroup", { name: "Which pet?" }).getByRole("radio", { name: "Luna" }).click();
  await page
    .getByRole("radiogroup", { name: "What for?" })
    .getByRole("radio", { name: /^Consultation/ })
    .click();
  await page.getByRole("button", { name: /^Confirm booking · / }).click();
  await page.waitForURL((url) => url.pathname === "/demo/staff/calendar" && url.searchParams.get("date") === day);
  await expect(block(page, "Dr. Victor Vet", "Luna")).toHaveAccessibleName(
    "16:00–16:30, Luna, Carla Client, Confirmed, Consultation",
  );
});

test("a booking made at another desk appears without a reload, and the block opens its actions", async ({ page }) => {
  const d = await desk();
  const day = anchorDay(1, 4, TZ);
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  await expect(block(page, "Dr. Sofia Salud", "Milo")).toHaveCount(0);
  await d.book("Milo", "Dr. Sofia Salud", madrid(day, "17:00"));
  await expect(block(page, "Dr. Sofia Salud", "Milo")).toHaveCount(1, { timeout: 15_000 });

  await block(page, "Dr. Sofia Salud", "Milo").click();
  const panel = page.getByRole("dialog", { name: "Milo · Carla Client" });
  await expect(panel.getByRole("button", { name: "Start visit" })).toBeVisible();
  await expect(panel.getByRole("link", { name: "Move" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "calendar with the appointment panel open");
  await panel.getByRole("button", { name: "Check in" }).click();
  await expect(block(page, "Dr. Sofia Salud", "Milo")).toContainText("Checked in");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);

  await page.getByRole("link", { name: "Day sheet" }).click();
  const sheet = page.getByTestId("day-sheet").filter({ hasText: "Dr. Sofia Salud" });
  await expect(sheet.getByRole("row").filter({ hasText: "Milo" })).toContainText("17:00–17:30");
  await expect(sheet.getByRole("row").filter({ hasText: "Milo" })).toContainText("Consultation");
  await expectNoSeriousA11yViolations(page, "day sheet");
  await d.api.dispose();
});

test("the spring-forward day has 23 hours and no 02:00", async ({ page }) => {
  let change = nextOffsetChange(TZ);
  for (let ahead = 32; change && change.offsetAfter < change.offsetBefore && ahead < 400; ahead += 30)
    change = nextOffsetChange(TZ, ahead);
  expect(change && change.offsetAfter > change.offsetBefore).toBe(true);
  const day = change?.date ?? "";
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  const hours = await page.getByTestId("hour-label").allTextContents();
  expect(hours).toHaveLength(23);
  expect(hours).not.toContain("02:00");
  expect(hours.slice(0, 3)).toEqual(["00:00", "01:00", "03:00"]);
  await expectNoSeriousA11yViolations(page, "calendar on the spring-forward day");
});
