// A client who names another client (`clientId`) gets one answer from every route that takes the field:
// 403 FORBIDDEN on `clientId`, the same code, status and field the booking SQL raises, and nothing is
// written. The routes are called as Next calls them, with a real session cookie and the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bookPost } from "@/app/api/clinics/[clinic]/appointments/route";
import { POST as requestPost } from "@/app/api/clinics/[clinic]/booking-requests/route";
import { GET as petsGet, POST as petsPost } from "@/app/api/clinics/[clinic]/pets/route";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { requestBooking } from "@/lib/appointments/request-booking";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { createService, createVet, localInstant, setBookingRules } from "../helpers/appointment-factories";
import { after, anchorDay, HOUR } from "../helpers/dates";
import { call, signedIn } from "../helpers/route-calls";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const forbiddenOnClientId = {
  status: 403,
  body: { error: { code: "FORBIDDEN", message: expect.any(String), fields: { clientId: [expect.any(String)] } } },
};

let clinic: TestClinic;
let me: TestUser & { cookie: string; clientId: string; petId: string };
let other: { clientId: string; petId: string };
let reception: TestUser & { cookie: string };
let serviceId: string;
let vetId: string;
let startsAt: Date;

beforeAll(async () => {
  clinic = await createClinic();
  await setBookingRules(clinic.id, { minNoticeMinutes: 0, maxDaysAhead: 60 });
  serviceId = (await createService(clinic.id)).id;
  vetId = (await createVet(clinic.id, { serviceIds: [serviceId] })).userId;
  startsAt = await localInstant(clinic.timeZone, anchorDay(3, 0, clinic.timeZone), "10:00");

  const user = await signedIn();
  const mine = await createClient(clinic.id, { user });
  me = { ...user, clientId: mine.id, petId: (await createPet(clinic.id, mine.id)).id };
  const theirs = await createClient(clinic.id);
  other = { clientId: theirs.id, petId: (await createPet(clinic.id, theirs.id)).id };
  reception = await signedIn();
  await addStaff(clinic.id, "receptionist", reception);
});

async function countRows(table: "appointments" | "booking_requests" | "pets", clientId: string) {
  const { rows } = await testPool().query<{ n: number }>(
    `select count(*)::int as n from public.${table} where clinic_id = $1 and client_id = $2`,
    [clinic.id, clientId],
  );
  return rows[0]!.n;
}

describe("a client naming another client", () => {
  it("POST /appointments: 403 FORBIDDEN on clientId, no appointment; naming themselves books", async () => {
    const booking = { petId: other.petId, serviceId, vetId, startsAt: startsAt.toISOString() };
    const refused = await call(bookPost, clinic.slug, "POST", "/appointments", me.cookie, {
      ...booking,
      clientId: other.clientId,
    });
    expect(refused).toMatchObject(forbiddenOnClientId);
    expect(await countRows("appointments", other.clientId)).toBe(0);

    const own = { ...booking, petId: me.petId, clientId: me.clientId };
    expect((await call(bookPost, clinic.slug, "POST", "/appointments", me.cookie, own)).status).toBe(201);
  });

  it("POST /booking-requests: 403 FORBIDDEN on clientId, no request; naming themselves asks", async () => {
    const ask = { petId: other.petId, serviceId, clientId: other.clientId };
    expect(await call(requestPost, clinic.slug, "POST", "/booking-requests", me.cookie, ask)).toMatchObject(
      forbiddenOnClientId,
    );
    expect(await countRows("booking_requests", other.clientId)).toBe(0);

    const own = { petId: me.petId, serviceId, clientId: me.clientId };
    expect((await call(requestPost, clinic.slug, "POST", "/booking-requests", me.cookie, own)).status).toBe(201);
  });

  it("POST /pets: 403 FORBIDDEN on clientId, no pet; naming themselves adds one", async () => {
    const before = await countRows("pets", other.clientId);
    const pet = { name: "Intruder", species: "cat" };
    expect(
      await call(petsPost, clinic.slug, "POST", "/pets", me.cookie, { ...pet, clientId: other.clientId }),
    ).toMatchObject(forbiddenOnClientId);
    expect(await countRows("pets", other.clientId)).toBe(before);

    const own = await call(petsPost, clinic.slug, "POST", "/pets", me.cookie, { ...pet, clientId: me.clientId });
    expect(own.status).toBe(201);
  });

  it("GET /pets?clientId=: 403 FORBIDDEN on clientId; their own id lists their own pets", async () => {
    const path = (id: string) => `/pets?clientId=${id}`;
    expect(await call(petsGet, clinic.slug, "GET", path(other.clientId), me.cookie)).toMatchObject(forbiddenOnClientId);
    const own = await call(petsGet, clinic.slug, "GET", path(me.clientId), me.cookie);
    expect(own.status).toBe(200);
    const items = own.body.items as { clientId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => p.clientId === me.clientId)).toBe(true);
  });

  it("gets the same code and field from the booking SQL itself (the guard behind the routes)", async () => {
    const startsAtLater = after(startsAt, HOUR);
    await expect(
      withUser(me, (db) =>
        bookAppointment(db, clinic.id, {
          petId: other.petId,
          serviceId,
          vetId,
          startsAt: startsAtLater.toISOString(),
          clientId: other.clientId,
        }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403, fields: { clientId: [expect.any(String)] } });
    await expect(
      withUser(me, (db) => requestBooking(db, clinic.id, { petId: other.petId, serviceId, clientId: other.clientId })),
    ).rejects.toMatchObject({ code: "FORBIDDEN", status: 403, fields: { clientId: [expect.any(String)] } });
  });
});

describe("staff naming a client", () => {
  it("adds a pet for that client and lists that client's pets", async () => {
    const added = await call(petsPost, clinic.slug, "POST", "/pets", reception.cookie, {
      name: "Rex",
      species: "dog",
      clientId: other.clientId,
    });
    expect(added.status).toBe(201);
    const listed = await call(petsGet, clinic.slug, "GET", `/pets?clientId=${other.clientId}`, reception.cookie);
    expect((listed.body.items as { clientId: string }[]).every((p) => p.clientId === other.clientId)).toBe(true);
    expect((listed.body.items as { name: string }[]).map((p) => p.name)).toContain("Rex");
  });
});
