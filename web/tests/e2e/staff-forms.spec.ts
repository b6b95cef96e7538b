// Staff forms that share the browser JSON client and submit hook, used in Spanish: a service with a price
// typed the Spanish way (field errors first), and a booking made by the receptionist for a client (client
// and pet lookups, free times, confirm), and a refused move on the calendar explained in Spanish.
import { expect, test, type Page } from "@playwright/test";
import { apiSignedInAs, demoConsultation, signIn } from "./support";
import { anchorDay, localTimeAt, utcOffsetMinutes } from "../helpers/dates";

/** Signs in and switches to Spanish as a person does; the choice is saved on the account, so `run` is followed
 * by switching back, pass or fail, for the specs that expect the demo users in English. */
async function inSpanish(page: Page, email: string, run: () => Promise<void>): Promise<void> {
  await signIn(page, email, "/demo/staff");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("button", { name: "Español" })).toHaveAttribute("aria-pressed", "true");
  try {
    await run();
  } finally {
    expect((await page.request.post("/api/account/locale", { data: { locale: "en" } })).status()).toBe(200);
  }
}

test("an owner adds a service in Spanish: a bad price is marked on its field, then 12,5 is saved as 12,50 €", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await inSpanish(page, "owner@demo.vete.test", async () => {
    await page.goto("/demo/staff/services");
    await expect(page.getByRole("heading", { name: "Servicios", level: 1 })).toBeVisible();

    const form = page.locator("section").filter({ has: page.getByRole("heading", { name: "Nuevo servicio" }) });
    const name = `Vacuna ${test.info().workerIndex}-${Date.now().toString(36)}`;
    await form.getByLabel("Nombre").fill(name);
    // inactive, so clients in other specs never see it
    await form.getByLabel("Activo").uncheck();
    const price = form.getByLabel("Precio (EUR)");
    await price.fill("doce");
    await form.getByRole("button", { name: "Añadir servicio" }).click();
    await expect(form.getByText("Corrige los campos marcados.")).toBeVisible();
    await expect(price).toHaveAttribute("aria-invalid", "true");

    await price.fill("12,5");
    await form.getByRole("button", { name: "Añadir servicio" }).click();
    await expect(form.getByText("Guardado.")).toBeVisible();
    await expect(price).not.toHaveAttribute("aria-invalid", "true");
    const item = page.getByRole("list", { name: "Servicios" }).getByRole("listitem").filter({ hasText: name });
    await expect(item).toContainText(/12,50\s€/);
    await expect(item).toContainText("Inactivo");
  });
  await ctx.close();
});

test("the receptionist books for a client in Spanish: finds the client, picks the pet, service and a free time", async ({
  browser,
}) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await inSpanish(page, "reception@demo.vete.test", async () => {
    await page.goto("/demo/staff/calendar/new");

    // the form's search finds clients and pets; choosing the client lists that client's pets
    await page.getByRole("combobox", { name: "¿Para quién es?" }).fill("Carla");
    await page
      .getByRole("listbox", { name: "Resultados" })
      .getByRole("option", { name: /^Carla Client\s*Cliente/ })
      .first()
      .click();
    await page.getByRole("radiogroup", { name: "¿Para qué mascota?" }).getByRole("radio", { name: "Luna" }).click();
    await page
      .getByRole("radiogroup", { name: "¿Para qué?" })
      .getByRole("radio", { name: /^Consultation/ })
      .click();
    await page
      .getByRole("radiogroup", { name: "¿Con quién?" })
      .getByRole("radio", { name: "Cualquier veterinario" })
      .click();

    // the day's last free time, away from the first times the other specs book
    const times = page.getByRole("group", { name: /¿A qué hora\?/ }).getByRole("button");
    await expect(times.first()).toBeVisible();
    await times.last().click();
    await page.getByRole("button", { name: /^Confirmar cita · / }).click();
    await page.waitForURL((url) => url.pathname === "/demo/staff/calendar" && url.searchParams.has("date"));
    await expect(page.getByTestId("calendar-appointment").filter({ hasText: "Luna" }).first()).toContainText(
      "Carla Client",
    );
  });
  await ctx.close();
});

test("a calendar move into the vet's break snaps back with the reason in Spanish", async ({ browser }) => {
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const { serviceId, vetId } = await demoConsultation(desk);
  const clients = (await (await desk.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const clientId = clients.items[0]?.id ?? "";
  const pets = (await (await desk.get(`/api/clinics/demo/pets?clientId=${clientId}`)).json()) as {
    items: { id: string; name: string }[];
  };
  const day = anchorDay(5, 5, "Europe/Madrid");
  const offset = utcOffsetMinutes("Europe/Madrid", localTimeAt(day, "12:00", 0));
  const booked = await desk.post("/api/clinics/demo/appointments", {
    data: {
      clientId,
      petId: pets.items.find((p) => p.name === "Milo")?.id,
      serviceId,
      vetId: vetId("Dr. Victor Vet"),
      startsAt: localTimeAt(day, "10:00", offset).toISOString(),
    },
  });
  expect(booked.status()).toBe(201);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await inSpanish(page, "reception@demo.vete.test", async () => {
    await page.goto(`/demo/staff/calendar?date=${day}`);
    await expect(page.getByRole("group", { name: "Cuadrícula horaria" })).toHaveAttribute("data-ready", "true");
    const column = page.getByRole("region", { name: "Dr. Victor Vet" });
    const milo = column.getByTestId("calendar-appointment").filter({ hasText: "Milo" });
    await expect(milo).toHaveAccessibleName("10:00–10:30, Milo, Carla Client, Confirmada, Consultation");
    // the keyboard move takes the same path as a drag: M, fourteen quarters down to 13:30, Enter
    await milo.focus();
    await page.keyboard.press("m");
    for (let i = 0; i < 14; i++) await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("calendar-notice")).toContainText("Moviendo a Milo a las 13:30, Dr. Victor Vet.");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("calendar-notice")).toHaveText(
      "No se movió: Dr. Victor Vet no está libre a esa hora (otra cita, un descanso o fuera de su horario).",
    );
    await expect(milo).toHaveAccessibleName("10:00–10:30, Milo, Carla Client, Confirmada, Consultation");
  });
  await ctx.close();
  await desk.dispose();
});
