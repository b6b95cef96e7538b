// Over HTTP against the real server, as the demo client: no response that carries an appointment (book,
// reschedule, a "move" to the same time, cancel, a repeated cancel, the list, the calendar file) contains
// the staff note, while staff get it; and a pet can hold only so many upcoming visits booked online (409).
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiSignedInAs as signedIn, demoConsultation } from "./support";
import { daysFromToday } from "../helpers/dates";

const NOTE = "Staff only: bites when the muzzle comes off";
let client: APIRequestContext;
let owner: APIRequestContext;

test.beforeAll(async () => {
  client = await signedIn("client@demo.vete.test");
  owner = await signedIn("owner@demo.vete.test");
});
test.afterAll(async () => {
  await client?.dispose();
  await owner?.dispose();
});

/** A new pet of the demo client (so no other spec's bookings count against it) and free Consultation starts. */
async function newPetAndSlots(fromOffset: number) {
  const created = await client.post("/api/clinics/demo/pets", {
    data: { name: `Pip ${randomUUID().slice(0, 6)}`, species: "cat" },
  });
  expect(created.status()).toBe(201);
  const petId = (await created.json()).pet.id as string;
  const { serviceId } = await demoConsultation(client);
  const range = `from=${daysFromToday(fromOffset, "Europe/Madrid")}&to=${daysFromToday(fromOffset + 6, "Europe/Madrid")}`;
  const res = await client.get(`/api/clinics/demo/availability?serviceId=${serviceId}&petId=${petId}&${range}`);
  expect(res.status()).toBe(200);
  const slots = (await res.json()).slots as { startsAt: string; vetId: string }[];
  // one start per hour apart, so bookings of this pet never touch each other
  const spaced = slots.filter((s, i) => i === 0 || new Date(s.startsAt).getMinutes() === 0).slice(0, 6);
  expect(spaced.length).toBeGreaterThanOrEqual(5);
  return { petId, serviceId, slots: spaced };
}

const post = (api: APIRequestContext, url: string, data: unknown) =>
  api.post(url, { data, headers: { "Idempotency-Key": `e2e-${randomUUID()}` } });

test("a client never receives the staff note: book, reschedule, same-time move, cancel, repeated cancel, list, calendar", async () => {
  const { petId, serviceId, slots } = await newPetAndSlots(40);
  const [first, second, third] = slots as [(typeof slots)[0], (typeof slots)[0], (typeof slots)[0]];

  const byStaff = await post(owner, "/api/clinics/demo/appointments", {
    petId,
    serviceId,
    vetId: first.vetId,
    startsAt: first.startsAt,
    notes: NOTE,
  });
  expect(byStaff.status()).toBe(201);
  const appt = (await byStaff.json()).appointment;
  expect(appt.notes).toBe(NOTE);

  const seen: string[] = [];
  const asClient = async (res: Awaited<ReturnType<APIRequestContext["get"]>>, status = 200) => {
    expect(res.status()).toBe(status);
    const text = await res.text();
    seen.push(text);
    return text;
  };
  const moved = JSON.parse(
    await asClient(
      await post(client, `/api/clinics/demo/appointments/${appt.id}/reschedule`, { startsAt: second.startsAt }),
    ),
  ).appointment;
  expect(moved).toMatchObject({ id: appt.id, notes: null });
  await asClient(
    await post(client, `/api/clinics/demo/appointments/${appt.id}/reschedule`, { startsAt: second.startsAt }),
  );
  await asClient(await client.get("/api/clinics/demo/appointments"));
  await asClient(await client.get(`/api/clinics/demo/appointments/${appt.id}/calendar`));
  const cancelled = JSON.parse(
    await asClient(await post(client, `/api/clinics/demo/appointments/${appt.id}/cancel`, { reason: "moving away" })),
  ).appointment;
  expect(cancelled).toMatchObject({ status: "cancelled", notes: null });
  await asClient(await post(client, `/api/clinics/demo/appointments/${appt.id}/cancel`, { reason: "again" }));

  const own = JSON.parse(
    await asClient(
      await post(client, "/api/clinics/demo/appointments", {
        petId,
        serviceId,
        vetId: third.vetId,
        startsAt: third.startsAt,
        notes: "she is shy",
      }),
      201,
    ),
  ).appointment;
  expect(own.notes).toBeNull();
  for (const text of seen) expect(text).not.toContain("muzzle");

  // staff still see both notes
  const staffList = (await (await owner.get("/api/clinics/demo/appointments")).json()).appointments as {
    id: string;
    notes: string | null;
  }[];
  expect(staffList.find((a) => a.id === appt.id)?.notes).toBe(NOTE);
  expect(staffList.find((a) => a.id === own.id)?.notes).toBe("she is shy");
  await post(client, `/api/clinics/demo/appointments/${own.id}/cancel`, { reason: "e2e cleanup" });
});

test("a client can hold at most 3 upcoming visits per pet online: the 4th is 409 naming the pet; staff may add more", async () => {
  const { petId, serviceId, slots } = await newPetAndSlots(47);
  const book = (api: APIRequestContext, i: number) =>
    post(api, "/api/clinics/demo/appointments", {
      petId,
      serviceId,
      vetId: slots[i]?.vetId,
      startsAt: slots[i]?.startsAt,
    });
  const ids: string[] = [];
  for (const i of [0, 1, 2]) {
    const res = await book(client, i);
    expect(res.status()).toBe(201);
    ids.push((await res.json()).appointment.id);
  }
  const fourth = await book(client, 3);
  expect(fourth.status()).toBe(409);
  expect((await fourth.json()).error).toMatchObject({
    code: "TOO_MANY_OPEN_APPOINTMENTS",
    fields: { petId: [expect.stringContaining("3 upcoming")] },
  });
  const byStaff = await book(owner, 3);
  expect(byStaff.status()).toBe(201);
  ids.push((await byStaff.json()).appointment.id);
  for (const id of ids) await post(owner, `/api/clinics/demo/appointments/${id}/cancel`, { reason: "e2e cleanup" });
});
