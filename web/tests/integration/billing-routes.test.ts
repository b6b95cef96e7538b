// The billing routes over HTTP with real sessions: keyset pages that neither skip nor repeat an invoice, bad
// input answered 422 naming the field, a payment key sent as the Idempotency-Key header replayed safely, and a
// client's routes showing only their own invoices.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listGet, POST as createPost } from "@/app/api/clinics/[clinic]/invoices/route";
import { POST as issuePost } from "@/app/api/clinics/[clinic]/invoices/[invoiceId]/issue/route";
import { POST as paymentsPost } from "@/app/api/clinics/[clinic]/invoices/[invoiceId]/payments/route";
import { GET as myListGet } from "@/app/api/clinics/[clinic]/my-invoices/route";
import { GET as myGet } from "@/app/api/clinics/[clinic]/my-invoices/[invoiceId]/route";
import { closePool } from "@/lib/db/pool";
import { appUrl } from "../helpers/auth-http";
import { createTaxRate } from "../helpers/billing-factories";
import { addStaff, closeTestPool, createClient, createClinic, type TestClinic } from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let staffCookie: string;
let clientCookie: string;
let clientId: string;
let otherClientId: string;
let rate: string;

beforeAll(async () => {
  clinic = await createClinic();
  const staff = await signedIn();
  await addStaff(clinic.id, "receptionist", staff);
  staffCookie = staff.cookie;
  const person = await signedIn();
  clientId = (await createClient(clinic.id, { user: person })).id;
  clientCookie = person.cookie;
  otherClientId = (await createClient(clinic.id)).id;
  rate = await createTaxRate(clinic.id, 1000);
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function createAndIssue(forClient: string, price: number): Promise<{ id: string; number: string }> {
  const created = await call(createPost, clinic.slug, "POST", "/invoices", staffCookie, {
    clientId: forClient,
    lines: [{ kind: "service", description: "Check-up", unitPriceMinor: price, taxRateId: rate }],
  });
  expect(created.status).toBe(201);
  const id = (created.body.invoice as { id: string }).id;
  const issued = await call(issuePost, clinic.slug, "POST", `/invoices/${id}/issue`, staffCookie, undefined, {
    invoiceId: id,
  });
  expect(issued.status).toBe(200);
  return { id, number: (issued.body.invoice as { number: string }).number };
}

describe("invoice lists", () => {
  it("pages by cursor without skipping or repeating an invoice", async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await createAndIssue(clientId, 1000 + i)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const qs: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const res = await call(listGet, clinic.slug, "GET", `/invoices${qs}`, staffCookie);
      expect(res.status).toBe(200);
      const body = res.body as { items: { id: string }[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => made.includes(id))).toEqual([...made].reverse());
  });

  it("answers a bad cursor, status or date with 422 naming the field", async () => {
    for (const [qs, field] of [
      ["?cursor=bm90LWEtY3Vyc29y", "cursor"],
      ["?status=unpaid", "status"],
      ["?from=2026-13-01", "from"],
      ["?limit=1000", "limit"],
    ] as const) {
      const res = await call(listGet, clinic.slug, "GET", `/invoices${qs}`, staffCookie);
      expect(res.status, qs).toBe(422);
      expect((res.body.error as { fields: Record<string, unknown> }).fields, qs).toHaveProperty(field);
    }
  });
});

describe("payments over HTTP", () => {
  it("replays a payment sent twice with the same Idempotency-Key header, and names a bad amount", async () => {
    const inv = await createAndIssue(clientId, 2000);
    const pay = async (body: unknown) => {
      const req = new Request(`${appUrl()}/api/clinics/${clinic.slug}/invoices/${inv.id}/payments`, {
        method: "POST",
        headers: {
          origin: appUrl(),
          cookie: staffCookie,
          "content-type": "application/json",
          "idempotency-key": `hdr-${inv.id}`,
        },
        body: JSON.stringify(body),
      });
      const res = await paymentsPost(req, { params: Promise.resolve({ clinic: clinic.slug, invoiceId: inv.id }) });
      return { status: res.status, body: (await res.json()) as Record<string, { id?: string; fields?: object }> };
    };
    const first = await pay({ method: "cash", amountMinor: 500 });
    const again = await pay({ method: "cash", amountMinor: 500 });
    expect(first.status).toBe(201);
    expect(again.body.payment?.id).toBe(first.body.payment?.id);
    const bad = await pay({ method: "cash", amountMinor: -5 });
    expect(bad.status).toBe(422);
    expect(bad.body.error?.fields).toHaveProperty("amountMinor");
    const tooMuch = await call(
      paymentsPost,
      clinic.slug,
      "POST",
      `/invoices/${inv.id}/payments`,
      staffCookie,
      {
        method: "card_terminal",
        amountMinor: 999_999,
        idempotencyKey: `over-${inv.id}`,
      },
      { invoiceId: inv.id },
    );
    expect(tooMuch.status).toBe(409);
    expect((tooMuch.body.error as { code: string; fields: object }).code).toBe("PAYMENT_EXCEEDS_BALANCE");
  });
});

describe("a client's invoices over HTTP", () => {
  it("lists only their own and answers 404 for another client's", async () => {
    const mine = await createAndIssue(clientId, 3000);
    const theirs = await createAndIssue(otherClientId, 3000);
    const list = await call(myListGet, clinic.slug, "GET", "/my-invoices?limit=100", clientCookie);
    expect(list.status).toBe(200);
    const ids = (list.body.items as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    const other = await call(myGet, clinic.slug, "GET", `/my-invoices/${theirs.id}`, clientCookie, undefined, {
      invoiceId: theirs.id,
    });
    expect(other.status).toBe(404);
    const staffOnly = await call(listGet, clinic.slug, "GET", "/invoices", clientCookie);
    expect(staffOnly.status).toBe(403);
  });
});
