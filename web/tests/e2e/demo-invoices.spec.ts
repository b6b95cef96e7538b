// The demo invoices `npm start` loads, as people find them: the demo client's owed invoice offers to pay, the
// staff see the cash and card terminal payments in that day's takings and the void invoice with its reason.
// The seeded invoices are told apart from those other specs write by their creation time: the seed made them all
// in one transaction, before the app served anything, so they share the earliest created_at of the clinic.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { dayOf } from "../helpers/dates";
import { apiSignedInAs, expectNoSeriousA11yViolations, signIn } from "./support";

interface Item {
  id: string;
  status: string;
  number: string | null;
  creditedMinor: number;
  paidMinor: number;
  voidReason: string | null;
  createdAt: string;
}
interface Takings {
  methods: { method: string; receivedMinor: number }[];
}

async function seededInvoices(desk: APIRequestContext): Promise<Item[]> {
  const all: Item[] = [];
  let cursor = "";
  do {
    const res = await desk.get(`/api/clinics/demo/invoices?limit=100${cursor ? `&cursor=${cursor}` : ""}`);
    expect(res.status()).toBe(200);
    const page = (await res.json()) as { items: Item[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor ? encodeURIComponent(page.nextCursor) : "";
  } while (cursor);
  const first = all.map((i) => i.createdAt).sort()[0];
  return all.filter((i) => i.createdAt === first);
}

test("the demo client is asked to pay an owed invoice; the staff see the demo payments in that day's takings", async ({
  page,
}) => {
  const desk = await apiSignedInAs("reception@demo.vete.test");
  const seeded = await seededInvoices(desk);
  expect(seeded.map((i) => i.status).sort()).toEqual(
    ["draft", "issued", "issued", "issued", "paid", "partially_paid", "void"].sort(),
  );
  const owed = seeded.find((i) => i.status === "issued" && i.creditedMinor === 0);
  const cash = seeded.find((i) => i.status === "paid");
  const card = seeded.find((i) => i.status === "partially_paid");
  expect(seeded.find((i) => i.status === "issued" && i.creditedMinor > 0)).toBeDefined();
  expect(seeded.find((i) => i.status === "void")?.voidReason).toBe("Entered twice by mistake");

  // the day the demo was loaded, in the clinic's zone: both payments are in its takings
  const cashDetail = (await (await desk.get(`/api/clinics/demo/invoices/${cash?.id}`)).json()) as {
    payments: { method: string; amountMinor: number; receivedAt: string }[];
  };
  expect(cashDetail.payments.map((p) => p.method)).toEqual(["cash"]);
  const day = dayOf(cashDetail.payments[0]?.receivedAt ?? "", "Europe/Madrid");
  const takings = (await (await desk.get(`/api/clinics/demo/takings?day=${day}`)).json()) as Takings;
  const taken = (method: string) => takings.methods.find((m) => m.method === method)?.receivedMinor ?? 0;
  expect(taken("cash")).toBeGreaterThanOrEqual(cash?.paidMinor ?? Infinity);
  expect(taken("card_terminal")).toBeGreaterThanOrEqual(card?.paidMinor ?? Infinity);
  await desk.dispose();

  await signIn(page, "client@demo.vete.test", `/demo/portal/invoices/${owed?.id}`);
  await expect(page.getByRole("heading", { name: `Invoice ${owed?.number}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId("invoice-status")).toHaveText("Issued");
  // Pay at the clinic until a spec connects the demo clinic to (the stand-in for) Stripe, Pay now after
  await expect(page.getByText(/^Pay at the clinic/).or(page.getByRole("link", { name: "Pay now" }))).toBeVisible();
  await expectNoSeriousA11yViolations(page, "demo owed invoice");
  await page.goto(`/demo/portal/invoices/${card?.id}`);
  await expect(page.getByTestId("invoice-status")).toHaveText("Partially paid");
});
