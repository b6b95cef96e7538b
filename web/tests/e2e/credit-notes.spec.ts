// Correcting an issued invoice in the browser: the owner credits part of a line as a goodwill discount, confirms,
// and sees the credit note's number on the invoice and the balance drop; the client sees it in the portal.
import { expect, test } from "@playwright/test";
import { apiSignedInAs, expectNoSeriousA11yViolations, signIn } from "./support";

test("the owner issues a credit note on an issued invoice and sees the balance drop and the CN number", async ({
  page,
  browser,
}) => {
  const desk = await apiSignedInAs("owner@demo.vete.test");
  const clients = (await (await desk.get("/api/clinics/demo/clients?q=Carla")).json()) as { items: { id: string }[] };
  const rates = (await (await desk.get("/api/clinics/demo/tax-rates")).json()) as {
    items: { id: string; basisPoints: number }[];
  };
  // the demo's exempt rate, so the credited 5.00 is the whole drop in the balance
  const exempt = rates.items.find((r) => r.basisPoints === 0);
  expect(exempt).toBeDefined();
  const description = `Grooming e2e ${Date.now().toString(36)}`;
  const created = await desk.post("/api/clinics/demo/invoices", {
    data: {
      clientId: clients.items[0]?.id,
      lines: [{ kind: "service", description, unitPriceMinor: 4000, taxRateId: exempt?.id }],
    },
  });
  expect(created.status()).toBe(201);
  const { invoice } = (await created.json()) as { invoice: { id: string } };
  const issued = await desk.post(`/api/clinics/demo/invoices/${invoice.id}/issue`);
  expect(issued.status()).toBe(200);
  const { invoice: done } = (await issued.json()) as { invoice: { number: string } };
  await desk.dispose();

  await signIn(page, "owner@demo.vete.test", `/demo/staff/invoices/${invoice.id}`);
  await expect(page.getByRole("heading", { name: `Invoice ${done.number}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("invoice-balance")).toHaveText(/40\.00/);

  await page.getByText("Issue credit note").click();
  const form = page.getByRole("form", { name: "Issue credit note" });
  await form.getByLabel(new RegExp(`Credit on “${description}”`)).fill("5");
  await form.getByLabel("Reason for the credit note").fill("Goodwill: the appointment started late");
  await form.getByRole("button", { name: "Review credit note" }).click();
  const confirm = form.getByRole("alertdialog");
  await expect(confirm).toContainText(`invoice ${done.number}`);
  await expectNoSeriousA11yViolations(page, "credit note confirmation");
  await confirm.getByRole("button", { name: "Yes, issue credit note" }).click();

  await expect(form.getByText(/^Credit note CN-\d{4}-\d{6} issued\.$/)).toBeVisible();
  const cn = ((await form.getByText(/^Credit note CN-/).textContent()) ?? "").match(/CN-\d{4}-\d{6}/)?.[0] ?? "";
  const invoiceDoc = page.getByRole("article");
  await expect(invoiceDoc.getByText(new RegExp(`${cn} · .* · Goodwill: the appointment started late`))).toBeVisible();
  await expect(page.getByTestId("invoice-balance")).toHaveText(/35\.00/);
  await expect(page.getByTestId("invoice-status")).toHaveText("Issued");

  const clientPage = await browser.newPage();
  await signIn(clientPage, "client@demo.vete.test", `/demo/portal/invoices/${invoice.id}`);
  await expect(clientPage.getByRole("heading", { name: `Invoice ${done.number}`, level: 1 })).toBeVisible();
  await expect(clientPage.getByRole("article").getByText(new RegExp(cn))).toBeVisible();
  const pdfLink = clientPage.getByRole("link", { name: `Credit note ${cn} (PDF)` });
  const pdf = await clientPage.request.get((await pdfLink.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expect(clientPage.getByRole("button", { name: "Yes, issue credit note" })).toHaveCount(0);
  await clientPage.close();
});
