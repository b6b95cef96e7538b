// The staff time grid in Chromium, as a receptionist uses it: drag an appointment to another vet and time and
// find it there after a reload; a drag onto another booking snaps back with the reason; a keyboard-only move;
// booking by clicking an empty time; a booking made elsewhere appearing without a reload; the spring-forward
// day drawn with 23 hours and the weeks with a clock change labelled right for every day; a finger drag on a
// tablet; axe on the grid, its week view, its side panel and the day sheet; the day sheet's time off and closed
// day. Each test uses its own day, weeks ahead of the days other specs book.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { apiSignedInAs, demoConsultation, expectNoSeriousA11yViolations, signIn } from "./support";
import { anchorDay, isoWeekdayOf, localTimeAt, nextOffsetChange, utcOffsetMinutes } from "../helpers/dates";

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

test("the day sheet shows each vet's time off and closed day", async ({ page }) => {
  const d = await desk();
  const { vetId } = await demoConsultation(d.api);
  const day = anchorDay(2, 7, TZ);
  const off = await d.api.post("/api/clinics/demo/schedules/time-off", {
    data: {
      vetId: vetId("Dr. Sofia Salud"),
      startDate: day,
      startTime: "12:00",
      endDate: day,
      endTime: "14:00",
      reason: "Dentist",
    },
  });
  expect(off.status(), await off.text()).toBe(201);
  const closed = await d.api.put("/api/clinics/demo/schedules/overrides", {
    data: { vetId: vetId("Dr. Victor Vet"), date: day, closed: true },
  });
  expect(closed.status(), await closed.text()).toBe(200);

  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await page.goto(`/demo/staff/calendar/sheet?date=${day}`);
  const sheet = (vet: string) => page.getByTestId("day-sheet").filter({ hasText: vet });
  await expect(sheet("Dr. Sofia Salud").getByTestId("sheet-time-off")).toHaveText("Time off 12:00–14:00 · Dentist");
  await expect(sheet("Dr. Victor Vet")).toContainText("Closed this day.");
  await expect(sheet("Dr. Victor Vet").getByTestId("sheet-time-off")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "day sheet with time off");
  await d.api.dispose();
});

/** Madrid's next clock change forward (spring) or back (autumn). */
function nextChange(forward: boolean): string {
  let change = nextOffsetChange(TZ);
  for (let ahead = 32; change && change.offsetAfter > change.offsetBefore !== forward && ahead < 400; ahead += 30)
    change = nextOffsetChange(TZ, ahead);
  expect(change && change.offsetAfter > change.offsetBefore === forward).toBe(true);
  return change?.date ?? "";
}

test("the spring-forward day has 23 hours and no 02:00", async ({ page }) => {
  const day = nextChange(true);
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openDay(page, day);
  const hours = await page.getByTestId("hour-label").allTextContents();
  expect(hours).toHaveLength(23);
  expect(hours).not.toContain("02:00");
  expect(hours.slice(0, 3)).toEqual(["00:00", "01:00", "03:00"]);
  await expectNoSeriousA11yViolations(page, "calendar on the spring-forward day");
});

async function openWeek(page: Page, date: string) {
  await page.goto(`/demo/staff/calendar?view=week&date=${date}`);
  await expect(page.getByRole("group", { name: "Time grid" })).toHaveAttribute("data-ready", "true");
}
/** The vertical middle of the hour label, and the top of each day column's row at that local time. */
async function levels(page: Page, label: string, time: string) {
  const mark = await page
    .getByTestId("hour-label")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .boundingBox();
  const rows = await page
    .getByTestId("grid-body")
    .evaluateAll(
      (bodies, t) => bodies.map((b) => b.querySelector(`[data-time="${t}"]`)?.getBoundingClientRect().top ?? null),
      time,
    );
  return { label: mark ? mark.y + mark.height / 2 : null, rows };
}

test("a week with the spring-forward Sunday: labels right for every day, the skipped hour marked on its day", async ({
  page,
}) => {
  const day = nextChange(true);
  const col = isoWeekdayOf(day) - 1;
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openWeek(page, day);
  const bodies = page.getByTestId("grid-body");
  await expect(bodies).toHaveCount(7);
  const hours = await page.getByTestId("hour-label").allTextContents();
  expect(hours).toHaveLength(24);
  expect(hours.slice(0, 4)).toEqual(["00:00", "01:00", "02:00", "03:00"]);
  await expect(bodies.nth(col).getByTestId("grid-gap")).toHaveText("Clocks go forward: no 02:00–03:00 this day.");
  await expect(page.getByTestId("grid-gap")).toHaveCount(1);
  await expect(bodies.nth(col).locator('[data-time="02:00"]')).toHaveCount(0);
  // every day's 10:00 and 01:00 rows are level with their labels, the 23-hour day's too
  for (const time of ["01:00", "03:00", "10:00", "23:00"]) {
    const { label, rows } = await levels(page, time, time);
    expect(rows).toHaveLength(7);
    for (const top of rows)
      expect(Math.abs((top ?? -1e6) - (label ?? 1e6)), `${time} ${rows.join(",")}`).toBeLessThan(2);
  }
  await expectNoSeriousA11yViolations(page, "week view with the spring-forward day");
});

test("a week with the fall-back Sunday: the repeated hour labelled, and marked as once on the other days", async ({
  page,
}) => {
  const day = nextChange(false);
  const col = isoWeekdayOf(day) - 1;
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  await openWeek(page, day);
  const bodies = page.getByTestId("grid-body");
  const hours = await page.getByTestId("hour-label").allTextContents();
  expect(hours).toHaveLength(25);
  expect(hours.slice(1, 5)).toEqual(["01:00", "02:00", "02:00 (again)", "03:00"]);
  await expect(bodies.nth(col).getByTestId("grid-gap")).toHaveCount(0);
  await expect(bodies.nth(col).locator('[data-time="02:00"]')).toHaveCount(2);
  await expect(page.getByTestId("grid-gap")).toHaveCount(6);
  await expect(bodies.nth((col + 1) % 7).getByTestId("grid-gap")).toHaveText("02:00–03:00 happens only once this day.");
  for (const time of ["02:00", "10:00"]) {
    const { label, rows } = await levels(page, time, time);
    for (const top of rows)
      expect(Math.abs((top ?? -1e6) - (label ?? 1e6)), `${time} ${rows.join(",")}`).toBeLessThan(2);
  }
  // the second 02:00 of the Sunday is level with "02:00 (again)"
  const again = await levels(page, "02:00 \\(again\\)", "02:00");
  const second = await bodies.nth(col).locator('[data-time="02:00"]').nth(1).boundingBox();
  expect(Math.abs((second?.y ?? -1e6) - (again.label ?? 1e6))).toBeLessThan(2);
});

test.describe("on a tablet, with a finger", () => {
  test.use({ viewport: { width: 1024, height: 1366 }, hasTouch: true, isMobile: true });

  /** A finger drag through Chromium's input pipeline (touch-action and scrolling apply as on a device). */
  async function fingerDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [from] });
    for (let i = 1; i <= 12; i++) {
      const at = { x: from.x + ((to.x - from.x) * i) / 12, y: from.y + ((to.y - from.y) * i) / 12 };
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await cdp.detach();
  }
  /** Waits until the grid stops scrolling (a finger's scroll can glide on), so measured boxes stay true. */
  async function scrollSettled(page: Page) {
    const grid = page.getByRole("group", { name: "Time grid" });
    let last = "";
    await expect
      .poll(
        async () => {
          const now = await grid.evaluate((g) => `${g.scrollTop},${g.scrollLeft},${window.scrollY}`);
          const same = now === last;
          last = now;
          return same;
        },
        { intervals: [100] },
      )
      .toBe(true);
  }

  /** From a block's grip, 4 px below its top, to 4 px below the top of a target. */
  async function gripDrag(page: Page, source: ReturnType<typeof block>, target: ReturnType<typeof block>) {
    await scrollSettled(page);
    await target.scrollIntoViewIfNeeded();
    await scrollSettled(page);
    const grip = await source.getByTestId("drag-grip").boundingBox();
    const to = await target.boundingBox();
    if (!grip || !to) throw new Error("the block or its target is not on screen");
    await fingerDrag(page, { x: grip.x + grip.width / 2, y: grip.y + 4 }, { x: to.x + 20, y: to.y + 4 });
  }

  test("a finger on the grip moves an appointment to another vet and time; elsewhere it scrolls", async ({ page }) => {
    const d = await desk();
    const day = anchorDay(1, 6, TZ);
    await d.book("Milo", "Dr. Victor Vet", madrid(day, "11:00"));
    await signIn(page, "reception@demo.vete.test", "/demo/staff");
    await openDay(page, day);
    const milo = block(page, "Dr. Victor Vet", "Milo");
    await expect(milo).toHaveAccessibleName("11:00–11:30, Milo, Carla Client, Confirmed, Consultation");

    // a finger on the block itself scrolls the grid and moves nothing
    const grid = page.getByRole("group", { name: "Time grid" });
    const scrolled = await grid.evaluate((g) => g.scrollTop);
    const body = await milo.boundingBox();
    if (!body) throw new Error("no block");
    await fingerDrag(page, { x: body.x + 20, y: body.y + 20 }, { x: body.x + 20, y: body.y - 130 });
    await expect.poll(() => grid.evaluate((g) => g.scrollTop)).toBeGreaterThan(scrolled + 50);
    await expect(page.getByTestId("calendar-notice")).toHaveText("");
    await expect(milo).toHaveAccessibleName("11:00–11:30, Milo, Carla Client, Confirmed, Consultation");

    await gripDrag(page, milo, column(page, "Dr. Sofia Salud").locator('[data-time="12:00"]'));
    await expect(page.getByTestId("calendar-notice")).toHaveText("Milo moved to 12:00, Dr. Sofia Salud.");
    // lifting the finger does not also open the block's panel
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.reload();
    await expect(block(page, "Dr. Sofia Salud", "Milo")).toHaveAccessibleName(
      "12:00–12:30, Milo, Carla Client, Confirmed, Consultation",
    );
    await expect(block(page, "Dr. Victor Vet", "Milo")).toHaveCount(0);
    // a tap on the block still opens it
    await block(page, "Dr. Sofia Salud", "Milo").tap();
    await expect(page.getByRole("dialog", { name: "Milo · Carla Client" })).toBeVisible();
    await d.api.dispose();
  });

  test("a refused finger move snaps back with the reason", async ({ page }) => {
    const d = await desk();
    const day = anchorDay(2, 6, TZ);
    await d.book("Milo", "Dr. Victor Vet", madrid(day, "10:00"));
    await d.book("Luna", "Dr. Victor Vet", madrid(day, "11:00"));
    await signIn(page, "reception@demo.vete.test", "/demo/staff");
    await openDay(page, day);
    const milo = block(page, "Dr. Victor Vet", "Milo");
    const top = () => milo.evaluate((el) => (el as HTMLElement).style.top);
    const before = await top();
    await gripDrag(page, milo, block(page, "Dr. Victor Vet", "Luna"));
    await expect(page.getByTestId("calendar-notice")).toHaveText(
      "Not moved: Dr. Victor Vet is not free then (another booking, a break or outside working hours).",
    );
    await expect(milo).toHaveAccessibleName("10:00–10:30, Milo, Carla Client, Confirmed, Consultation");
    expect(await top()).toBe(before);
    await expect(page.getByTestId("move-target")).toHaveCount(0);
    await page.reload();
    await expect(block(page, "Dr. Victor Vet", "Milo")).toHaveAccessibleName(
      "10:00–10:30, Milo, Carla Client, Confirmed, Consultation",
    );
    await d.api.dispose();
  });
});
