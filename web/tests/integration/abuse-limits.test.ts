// Abuse limits over the real route handlers: clinics per account, invitations and client emails per clinic,
// bookings per client, each a daily budget in the shared Postgres limiter answering 429 + Retry-After;
// and a clinic name (which every clinic mail carries) cannot hold a web address or a line break.
// Budgets are set small here; the defaults are in the README.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as createClinicRoute } from "@/app/api/clinics/route";
import { POST as inviteRoute } from "@/app/api/clinics/[clinic]/invitations/route";
import { POST as createClientRoute } from "@/app/api/clinics/[clinic]/clients/route";
import { POST as bookRoute } from "@/app/api/clinics/[clinic]/appointments/route";
import { POST as requestBookingRoute } from "@/app/api/clinics/[clinic]/booking-requests/route";
import { closePool } from "@/lib/db/pool";
import { addStaff, closeTestPool, createClient, createClinic, createPet, testPool } from "../helpers/factories";
import { createService, createVet, localInstant } from "../helpers/appointment-factories";
import { daysFromToday } from "../helpers/dates";
import { appUrl } from "../helpers/auth-http";
import { signedIn } from "../helpers/route-calls";

process.env.LIMIT_CLINICS_PER_ACCOUNT_PER_DAY = "2";
process.env.LIMIT_INVITATIONS_PER_CLINIC_PER_DAY = "2";
process.env.LIMIT_CLIENT_EMAILS_PER_CLINIC_PER_DAY = "2";
process.env.LIMIT_BOOKINGS_PER_CLIENT_PER_DAY = "2";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

type SignedIn = Awaited<ReturnType<typeof signedIn>>;

type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function post(route: Route, path: string, who: SignedIn, body: unknown, params: Record<string, string> = {}) {
  const req = new Request(`${appUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: appUrl(), cookie: who.cookie },
    body: JSON.stringify(body),
  });
  return route(req, { params: Promise.resolve(params) });
}

async function expectRateLimited(res: Response) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(86_400);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
}

const clinicBody = (name = "Happy Paws") => ({
  slug: `limits-${randomUUID().slice(0, 8)}`,
  name,
  timeZone: "Europe/Madrid",
  currency: "EUR",
});

describe("clinics per account per day", () => {
  it("creates the budget's worth, then answers 429 with Retry-After; another account is unaffected", async () => {
    const me = await signedIn();
    expect((await post(createClinicRoute, "/api/clinics", me, clinicBody())).status).toBe(201);
    expect((await post(createClinicRoute, "/api/clinics", me, clinicBody())).status).toBe(201);
    await expectRateLimited(await post(createClinicRoute, "/api/clinics", me, clinicBody()));
    const { rows } = await testPool().query(
      "select 1 from public.clinic_memberships where user_id = $1 and role = 'owner'",
      [me.userId],
    );
    expect(rows).toHaveLength(2);
    expect((await post(createClinicRoute, "/api/clinics", await signedIn(), clinicBody())).status).toBe(201);
  });

  it("refuses a clinic (and so any clinic mail) to an account whose address is not verified", async () => {
    const me = await signedIn();
    await testPool().query("update public.users set email_verified = false where id = $1", [me.userId]);
    // Only the session token: the few-seconds cookie cache would still say "verified".
    const fresh = {
      ...me,
      cookie: me.cookie
        .split("; ")
        .filter((c) => c.includes("session_token"))
        .join("; "),
    };
    const res = await post(createClinicRoute, "/api/clinics", fresh, clinicBody());
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("EMAIL_NOT_VERIFIED");
  });

  it("refuses a clinic name with a web address or a line break, naming the field (422)", async () => {
    const me = await signedIn();
    for (const name of [
      "Paws - claim your refund at https://evil.example",
      "Paws www.evil.example",
      "Paws\r\nBcc: x@y.test",
    ]) {
      const res = await post(createClinicRoute, "/api/clinics", me, clinicBody(name));
      expect(res.status, name).toBe(422);
      expect(((await res.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toHaveProperty(
        "name",
      );
    }
  });
});

describe("per clinic per day", () => {
  it("limits staff invitations (each one mails any address)", async () => {
    const owner = await signedIn();
    const clinic = await createClinic({ owner });
    const other = await createClinic({ owner });
    const invite = (slug: string) =>
      post(
        inviteRoute,
        `/api/clinics/${slug}/invitations`,
        owner,
        { email: `in-${randomUUID().slice(0, 8)}@example.test`, role: "vet" },
        { clinic: slug },
      );
    expect((await invite(clinic.slug)).status).toBe(201);
    expect((await invite(clinic.slug)).status).toBe(201);
    await expectRateLimited(await invite(clinic.slug));
    expect((await invite(other.slug)).status).toBe(201);
  });

  it("limits client records with an email that staff add, not those without one", async () => {
    const clinic = await createClinic();
    const receptionist = await signedIn();
    await addStaff(clinic.id, "receptionist", receptionist);
    const add = (email?: string) =>
      post(
        createClientRoute,
        `/api/clinics/${clinic.slug}/clients`,
        receptionist,
        { fullName: "Pat Client", ...(email ? { email } : {}) },
        { clinic: clinic.slug },
      );
    expect((await add("a@example.test")).status).toBe(201);
    expect((await add("b@example.test")).status).toBe(201);
    await expectRateLimited(await add("c@example.test"));
    expect((await add()).status).toBe(201);
  });
});

describe("bookings per client per day", () => {
  it("lets a client book the budget's worth, then answers 429 for bookings and booking requests", async () => {
    const clinic = await createClinic();
    const service = await createService(clinic.id);
    const vet = await createVet(clinic.id, { serviceIds: [service.id] });
    const me = await signedIn();
    const client = await createClient(clinic.id, { user: me });
    const pet = await createPet(clinic.id, client.id);
    const day = daysFromToday(3, clinic.timeZone);
    const book = async (time: string) =>
      post(
        bookRoute,
        `/api/clinics/${clinic.slug}/appointments`,
        me,
        {
          serviceId: service.id,
          vetId: vet.userId,
          petId: pet.id,
          startsAt: (await localInstant(clinic.timeZone, day, time)).toISOString(),
        },
        { clinic: clinic.slug },
      );
    expect((await book("10:00")).status).toBe(201);
    expect((await book("11:00")).status).toBe(201);
    await expectRateLimited(await book("12:00"));
    const request = await post(
      requestBookingRoute,
      `/api/clinics/${clinic.slug}/booking-requests`,
      me,
      { serviceId: service.id, petId: pet.id, preferredDates: [day] },
      { clinic: clinic.slug },
    );
    expect(request.status).toBe(429);
    const { rows } = await testPool().query("select 1 from public.appointments where pet_id = $1", [pet.id]);
    expect(rows).toHaveLength(2);
  });
});
