// Billing at the desk, as the receptionist does it in the browser: write an invoice for a client, issue it
// (the number appears), take the money in cash, see the invoice paid and the cash in today's takings.
import { expect, test } from "@playwright/test";
import { apiSignedInAs, expectNoSeriousA11yViolations, signIn } from "./support";

interface Takings {
  methods: { method: string; count: number; receivedMinor: number }[];
}

test("the receptionist invoices a client, issues it, takes cash and sees it paid and in today's takings", async ({
  page,
}) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff");
  const cashTaken = async () => {
    const res = await page.request.get("/api/clinics/demo/takings");
    expect(res.status()).toBe(200);
    const body = (await res.json()) as Takings;
    return body.methods.find((m) => m.method === "cash")?.receivedMinor ?? 0;
  };
  const before = await cashTaken();

  await page.getByRole("navigation").getByRole("link", { name: "Invoices" }).click();
  await expect(page.getByRole("heading", { name: "Invoices", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New invoice" }).click();
  // the list page has its own "Client" filter: wait for the new page before choosing the invoice's client
  await expect(page.getByRole("heading", { name: "New invoice", level: 1 })).toBeVisible();

  const description = `Consultation e2e ${Date.now().toString(36)}`;
  // keyboard first: type, arrow down to the first client found, Enter
  const client = page.getByRole("combobox", { name: "Client", exact: true });
  await client.fill("Carla Client");
  await expect(page.getByRole("option", { name: /^Carla Client/ }).first()).toBeVisible();
  await client.press("ArrowDown");
  await client.press("Enter");
  await expect(page.getByTestId("invoice-client")).toHaveText("Invoice for: Carla Client");
  await page.getByLabel("Description").fill(description);
  await page.getByLabel("Unit price (EUR)").fill("30");
  await expect(page.getByLabel("Tax")).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name: "Draft invoice · Carla Client", level: 1 })).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toHaveText(/30\.00/);
  await page.getByRole("button", { name: "Issue invoice" }).click();

  const heading = page.getByRole("heading", { name: /^Invoice \d{4}-\d{6}$/, level: 1 });
  await expect(heading).toBeVisible();
  const number = ((await heading.textContent()) ?? "").replace("Invoice ", "");
  await expect(page.getByTestId("invoice-status")).toHaveText("Issued");

  const payment = page.getByRole("form", { name: "Record a payment" });
  await expect(payment.getByLabel("Amount (EUR)")).toHaveValue("30.00");
  await payment.getByLabel("Method").selectOption("cash");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("invoice-balance")).toHaveText(/0\.00/);
  await expectNoSeriousA11yViolations(page, "issued invoice");

  await page.getByRole("link", { name: "All invoices" }).click();
  await expect(
    page.getByRole("list", { name: "Invoices" }).getByRole("link", { name: new RegExp(number) }),
  ).toContainText("Paid");

  await page.getByRole("navigation").getByRole("link", { name: "Takings" }).click();
  const cash = page.getByTestId("takings-cash");
  await expect(cash).toBeVisible();
  expect((await cashTaken()) - before).toBe(3000);
  await expect(cash.getByRole("rowheader")).toHaveText("Cash");
  await expect(page.getByTestId("takings-total")).not.toHaveText(/^€?0\.00/);
  await expectNoSeriousA11yViolations(page, "takings");
  await page.goto("/demo/staff/invoices/new");
  await expectNoSeriousA11yViolations(page, "invoice editor");
});

test("the client page's New invoice link chooses the client on the server, before any script runs", async ({
  browser,
}) => {
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const found = (await (await desk.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const carlaId = found.items[0]?.id ?? "";
  await desk.dispose();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signIn(page, "reception@demo.vete.test", `/demo/staff/clients/${carlaId}`);
  await page.getByRole("link", { name: "New invoice" }).click();
  await expect(page.getByRole("heading", { name: "New invoice", level: 1 })).toBeVisible();
  await expect(page.getByTestId("invoice-client")).toHaveText("Invoice for: Carla Client");
  await page.getByLabel("Description").fill(`Prefilled e2e ${Date.now().toString(36)}`);
  await page.getByLabel("Unit price (EUR)").fill("12");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { name: "Draft invoice · Carla Client", level: 1 })).toBeVisible();

  // the same URL with scripts off: the server already put the client in the form (read as text: without
  // scripts the streamed page stays in React's hidden boundary, so nothing on it counts as visible)
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await ctx.storageState() });
  const bare = await noJs.newPage();
  await bare.goto(`/demo/staff/invoices/new?clientId=${carlaId}`);
  await expect(bare.getByTestId("invoice-client")).toHaveText("Invoice for: Carla Client");
  await expect(bare.locator('input[name="clientId"]')).toHaveValue(carlaId);
  await bare.goto("/demo/staff/invoices/new?clientId=not-an-id");
  await expect(bare.locator('[role="alert"]')).toHaveText(
    "The client in the link was not found; search for them instead.",
  );
  await expect(bare.locator('input[name="clientId"]')).toHaveValue("");
  await noJs.close();
  await ctx.close();
});

test("the client sees an invoice issued to them in the portal, read-only", async ({ page }) => {
  // staff write and issue it over the API, as the desk would
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const clients = (await (await desk.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const rates = (await (await desk.get("/api/clinics/demo/tax-rates")).json()) as { items: { id: string }[] };
  const description = `Vaccination e2e ${Date.now().toString(36)}`;
  const created = await desk.post("/api/clinics/demo/invoices", {
    data: {
      clientId: clients.items[0]?.id,
      lines: [{ kind: "service", description, unitPriceMinor: 2500, taxRateId: rates.items[0]?.id }],
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = (await created.json()) as { invoice: { id: string } };
  const issued = await desk.post(`/api/clinics/demo/invoices/${invoice.id}/issue`);
  expect(issued.status()).toBe(200);
  const { invoice: done } = (await issued.json()) as { invoice: { number: string } };
  await desk.dispose();

  await signIn(page, "client@demo.vete.test", "/demo/portal");
  await page.getByRole("navigation").getByRole("link", { name: "My invoices" }).click();
  await expect(page.getByRole("heading", { name: "My invoices", level: 1 })).toBeVisible();
  await page
    .getByRole("list", { name: "My invoices" })
    .getByRole("link", { name: new RegExp(done.number) })
    .click();
  await expect(page.getByRole("heading", { name: `Invoice ${done.number}`, level: 1 })).toBeVisible();
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record payment" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "client invoice");
});

test("the invoices list filters by a client found with the search box, and Any client clears it", async ({ page }) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/invoices");
  const client = page.getByRole("combobox", { name: "Client", exact: true });
  await client.fill("carla");
  await expect(page.getByRole("option", { name: /^Carla Client/ }).first()).toBeVisible();
  await client.press("ArrowDown");
  await client.press("Enter");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL((url) => /^[0-9a-f-]{36}$/.test(url.searchParams.get("clientId") ?? ""));

  // the server names the chosen client in the box, and every invoice listed is theirs
  await expect(client).toHaveValue("Carla Client");
  const rows = page.getByRole("list", { name: "Invoices" }).getByRole("link");
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain("Carla Client");
  await expectNoSeriousA11yViolations(page, "invoices filtered by client");

  await page.getByRole("button", { name: "Any client" }).click();
  await expect(client).toHaveValue("");
  await page.getByRole("button", { name: "Filter" }).click();
  await page.waitForURL((url) => url.searchParams.get("clientId") === "");
});

test("a service line is filled from the clinic's service list, name and price, and can still be edited", async ({
  page,
}) => {
  await signIn(page, "reception@demo.vete.test", "/demo/staff/invoices/new");
  const client = page.getByRole("combobox", { name: "Client", exact: true });
  await client.fill("Carla Client");
  await expect(page.getByRole("option", { name: /^Carla Client/ }).first()).toBeVisible();
  await client.press("ArrowDown");
  await client.press("Enter");

  await page.getByLabel("Service from the list").selectOption({ label: "Consultation" });
  await expect(page.getByLabel("Description")).toHaveValue("Consultation");
  const price = await page.getByLabel("Unit price (EUR)").inputValue();
  expect(price).toMatch(/^\d+\.\d{2}$/);
  await page.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name: "Draft invoice · Carla Client", level: 1 })).toBeVisible();
  const total = (Number(price) * 2).toFixed(2);
  await expect(page.getByTestId("invoice-total")).toHaveText(new RegExp(total.replace(".", "\\.")));
});
