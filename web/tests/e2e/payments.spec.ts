// A client pays an invoice online in the browser, against the Stripe stand-in that the Playwright config starts
// beside the app. The clinic's owner connects (onboarding at the stand-in, whose account.updated event reaches
// the app's webhook), the desk issues an invoice, the client presses Pay now and pays with the test card; the
// stand-in confirms the PaymentIntent and sends the signed payment_intent.succeeded to the app, and the client
// sees the outcome the server read. Stripe Elements itself is not exercised here: it loads Stripe.js from
// js.stripe.com, which these machines cannot reach, so the pay page shows the stand-in's test-card button
// (only when the server points at a local stand-in with a test key). The second test takes the stand-in's
// declined card first, in Spanish: the status page says it failed and offers to try again, and the good card
// then pays the same invoice. The third holds the stand-in's webhook back: the page says the payment is
// processing and looks again by itself, later stops looking and offers to check again, which then finds it paid.
import { expect, request, test, type Page } from "@playwright/test";
import { apiSignedInAs, expectNoSeriousA11yViolations, signIn, signInAsNewClient } from "./support";

function standInUrl(): string {
  const base = new URL(test.info().project.use.baseURL ?? "http://localhost:3100");
  return `http://127.0.0.1:${process.env.E2E_STRIPE_PORT ?? Number(base.port) + 5}`;
}

test("a client pays an invoice by card (stand-in for Stripe) and sees it paid", async ({ page }) => {
  // the owner connects the clinic to Stripe; the stand-in finishes onboarding and tells the app
  const owner = await apiSignedInAs("owner@demo.vete.test");
  expect((await owner.post("/api/clinics/demo/payments/onboarding")).status()).toBe(200);
  const stripe = await request.newContext();
  expect((await stripe.post(`${standInUrl()}/_stand-in/complete-onboarding`)).ok()).toBe(true);
  await stripe.dispose();
  await owner.dispose();

  const desk = await apiSignedInAs("reception@demo.vete.test");
  const clients = (await (await desk.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const rates = (await (await desk.get("/api/clinics/demo/tax-rates")).json()) as { items: { id: string }[] };
  const created = await desk.post("/api/clinics/demo/invoices", {
    data: {
      clientId: clients.items[0]?.id,
      lines: [
        {
          kind: "service",
          description: `Dental e2e ${Date.now().toString(36)}`,
          unitPriceMinor: 4200,
          taxRateId: rates.items[0]?.id,
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = (await created.json()) as { invoice: { id: string } };
  const issued = await desk.post(`/api/clinics/demo/invoices/${invoice.id}/issue`);
  expect(issued.status()).toBe(200);
  const { invoice: done } = (await issued.json()) as { invoice: { number: string } };
  await desk.dispose();

  await signIn(page, "client@demo.vete.test", "/demo/portal");
  await page.goto(`/demo/portal/invoices/${invoice.id}`);
  await expect(page.getByRole("heading", { name: `Invoice ${done.number}`, level: 1 })).toBeVisible();
  // the account.updated event may still be on its way
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: "Pay now" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("link", { name: "Pay now" }).click();

  await expect(page.getByRole("heading", { name: `Pay invoice ${done.number}`, level: 1 })).toBeVisible();
  const pay = page.getByRole("button", { name: /with the test card/ });
  await expect(pay).toBeVisible();
  await expectNoSeriousA11yViolations(page, "pay page");
  await pay.click();

  await page.waitForURL(/\/payment\?payment_intent=pi_/);
  await expect(page.getByTestId("payment-status")).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
  await expect(page.getByTestId("payment-status")).toHaveText("Payment received. Thank you!");
  await expect(page.getByTestId("payment-invoice-status")).toHaveText("Paid");
  await expect(page.getByTestId("payment-balance")).toHaveText(/0\.00/);
  await expectNoSeriousA11yViolations(page, "payment status");

  await page.getByRole("link", { name: "Back to the invoice" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  await expect(page.getByRole("link", { name: "Pay now" })).toHaveCount(0);
});

/** Opens the invoice and waits for its Pay link (the account.updated event may still be on its way). */
async function openPayLink(page: Page, invoiceId: string, payNow: string): Promise<void> {
  await page.goto(`/demo/portal/invoices/${invoiceId}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("link", { name: payNow })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("link", { name: payNow }).click();
}

test("a declined card says so in Spanish and offers to try again; the good card then pays (stand-in)", async ({
  page,
}) => {
  const owner = await apiSignedInAs("owner@demo.vete.test");
  expect((await owner.post("/api/clinics/demo/payments/onboarding")).status()).toBe(200);
  const stripe = await request.newContext();
  expect((await stripe.post(`${standInUrl()}/_stand-in/complete-onboarding`)).ok()).toBe(true);
  await stripe.dispose();
  await owner.dispose();

  // a client of their own, reading Spanish, so no other spec's language or invoices get in the way
  const email = await signInAsNewClient(page, "es", "Elena Rechazo");
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const found = (await (await desk.get(`/api/clinics/demo/clients?q=${encodeURIComponent(email)}`)).json()) as {
    items: { id: string }[];
  };
  const rates = (await (await desk.get("/api/clinics/demo/tax-rates")).json()) as { items: { id: string }[] };
  const created = await desk.post("/api/clinics/demo/invoices", {
    data: {
      clientId: found.items[0]?.id,
      lines: [{ kind: "service", description: "Vacuna e2e", unitPriceMinor: 3100, taxRateId: rates.items[0]?.id }],
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = (await created.json()) as { invoice: { id: string } };
  const issued = await desk.post(`/api/clinics/demo/invoices/${invoice.id}/issue`);
  const { invoice: done } = (await issued.json()) as { invoice: { number: string } };
  await desk.dispose();

  await openPayLink(page, invoice.id, "Pagar ahora");
  await expect(page.getByRole("heading", { name: `Pagar la factura ${done.number}`, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Probar la tarjeta de prueba rechazada" }).click();

  await page.waitForURL(/\/payment\?payment_intent=pi_/);
  const status = page.getByTestId("payment-status");
  await expect(status).toHaveAttribute("data-status", "failed");
  await expect(status).toHaveText("El pago no se ha completado. No se ha cobrado nada; puedes intentarlo de nuevo.");
  await expect(page.getByTestId("payment-invoice-status")).toHaveText("Emitida");
  await expectNoSeriousA11yViolations(page, "payment declined");
  const firstUrl = page.url();

  await page.getByRole("link", { name: "Intentar de nuevo" }).click();
  await expect(page.getByRole("heading", { name: `Pagar la factura ${done.number}`, level: 1 })).toBeVisible();
  await page.getByRole("button", { name: /con la tarjeta de prueba$/ }).click();
  await page.waitForURL(/\/payment\?payment_intent=pi_/);
  // the retry pays the same PaymentIntent (a declined one stays open for another card)
  expect(page.url()).toBe(firstUrl);
  await expect(status).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
  await expect(status).toHaveText("Pago recibido. ¡Gracias!");
  await expect(page.getByTestId("payment-invoice-status")).toHaveText("Pagada");
});

test("a payment whose webhook is late: processing, then a stop with Check again, which finds it paid (stand-in)", async ({
  page,
}) => {
  const owner = await apiSignedInAs("owner@demo.vete.test");
  expect((await owner.post("/api/clinics/demo/payments/onboarding")).status()).toBe(200);
  const stripe = await request.newContext();
  expect((await stripe.post(`${standInUrl()}/_stand-in/complete-onboarding`)).ok()).toBe(true);

  const email = await signInAsNewClient(page, "en", "Pablo Pendiente");
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const found = (await (await desk.get(`/api/clinics/demo/clients?q=${encodeURIComponent(email)}`)).json()) as {
    items: { id: string }[];
  };
  const rates = (await (await desk.get("/api/clinics/demo/tax-rates")).json()) as { items: { id: string }[] };
  const created = await desk.post("/api/clinics/demo/invoices", {
    data: {
      clientId: found.items[0]?.id,
      lines: [{ kind: "service", description: "Late e2e", unitPriceMinor: 2700, taxRateId: rates.items[0]?.id }],
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = (await created.json()) as { invoice: { id: string } };
  expect((await desk.post(`/api/clinics/demo/invoices/${invoice.id}/issue`)).status()).toBe(200);
  await desk.dispose();
  await owner.dispose();

  const hold = await stripe.post(`${standInUrl()}/_stand-in/hold-webhooks`, { form: { invoice_id: invoice.id } });
  expect(hold.ok()).toBe(true);
  await openPayLink(page, invoice.id, "Pay now");
  await page.getByRole("button", { name: /with the test card$/ }).click();
  await page.waitForURL(/\/payment\?payment_intent=pi_/);
  const status = page.getByTestId("payment-status");
  await expect(status).toHaveAttribute("data-status", "processing");
  // it looks again by itself, and says how many times it has, so it can slow down and stop
  await page.waitForURL(/[?&]check=1$/, { timeout: 10_000 });
  await expect(status).toHaveText("Your payment is being processed. This page updates by itself.");

  // two minutes later (the count the page carries in its address), it stops and offers to look again
  await page.goto(page.url().replace(/check=1$/, "check=99"));
  await expect(status).toHaveText(
    "Your payment is still being confirmed. Nothing more to do: the invoice will show it as paid once it is.",
  );
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "payment still processing");

  const released = await stripe.post(`${standInUrl()}/_stand-in/release-webhooks`, {
    form: { invoice_id: invoice.id },
  });
  expect(released.ok()).toBe(true);
  await stripe.dispose();
  await page.getByRole("link", { name: "Check again" }).click();
  await expect(status).toHaveAttribute("data-status", "succeeded", { timeout: 20_000 });
  await expect(page.getByTestId("payment-invoice-status")).toHaveText("Paid");
});
