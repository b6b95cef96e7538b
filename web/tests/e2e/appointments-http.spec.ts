// HTTP-level checks of the booking route: a lost slot is 409 SLOT_TAKEN with a JSON error body that lists
// the next free slots; the same Idempotency-Key replays the same appointment; bad input is 422 with fields.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiSignedInAs as signedIn, demoConsultation } from "./support";
import { daysFromToday } from "../helpers/dates";

let client: APIRequestContext;
let owner: APIRequestContext;

const madridDate = (offsetDays: number) => daysFromToday(offsetDays, "Europe/Madrid");

test.beforeAll(async () => {
  client = await signedIn("client@demo.vete.test");
  owner = await signedIn("owner@demo.vete.test");
});
test.afterAll(async () => {
  await client?.dispose();
  await owner?.dispose();
});

async function bookingTarget(fromOffset: number) {
  const { services } = await (await client.get("/api/clinics/demo/services")).json();
  const consultation = services.find((s: { name: string }) => s.name === "Consultation");
  const pets = (await (await client.get("/api/clinics/demo/pets")).json()).items as { id: string; name: string }[];
  const res = await client.get(
    `/api/clinics/demo/availability?serviceId=${consultation.id}&from=${madridDate(fromOffset)}&to=${madridDate(fromOffset + 6)}`,
  );
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.timeZone).toBe("Europe/Madrid");
  expect(body.slots.length).toBeGreaterThan(1);
  return { serviceId: consultation.id as string, pets, slot: body.slots[0] as { startsAt: string; vetId: string } };
}

test("the same Idempotency-Key replays the same appointment; a second booking of the slot is 409 SLOT_TAKEN with next free slots", async () => {
  const { serviceId, pets, slot } = await bookingTarget(9);
  const [luna, milo] = [pets.find((p) => p.name === "Luna"), pets.find((p) => p.name === "Milo")];
  const key = `e2e-${randomUUID()}`;
  const data = { petId: luna?.id, serviceId, vetId: slot.vetId, startsAt: slot.startsAt };

  const first = await client.post("/api/clinics/demo/appointments", { data, headers: { "Idempotency-Key": key } });
  expect(first.status()).toBe(201);
  const replay = await client.post("/api/clinics/demo/appointments", { data, headers: { "Idempotency-Key": key } });
  expect(replay.status()).toBe(201);
  expect(replay.headers()["idempotent-replayed"]).toBe("true");
  const a = (await first.json()).appointment;
  expect((await replay.json()).appointment.id).toBe(a.id);
  expect(new Date(a.startsAt).toISOString()).toBe(new Date(slot.startsAt).toISOString());

  const mine = (await (await client.get("/api/clinics/demo/appointments")).json()).appointments as {
    id: string;
    startsAt: string;
    status: string;
  }[];
  expect(mine.filter((x) => x.startsAt === a.startsAt && x.status !== "cancelled")).toHaveLength(1);

  const conflict = await client.post("/api/clinics/demo/appointments", {
    data: { petId: milo?.id, serviceId, vetId: slot.vetId, startsAt: slot.startsAt },
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(conflict.status()).toBe(409);
  expect(conflict.headers()["content-type"]).toContain("application/json");
  const err = (await conflict.json()).error;
  expect(err.code).toBe("SLOT_TAKEN");
  expect(err.message).toMatch(/taken/i);
  expect(err.nextSlots.length).toBeGreaterThan(0);
  for (const s of err.nextSlots)
    expect(new Date(s.startsAt).getTime()).toBeGreaterThan(new Date(slot.startsAt).getTime());

  const cancelled = await client.post(`/api/clinics/demo/appointments/${a.id}/cancel`, {
    data: { reason: "e2e cleanup" },
  });
  expect(cancelled.status()).toBe(200);
  expect((await cancelled.json()).appointment.status).toBe("cancelled");
});

test("bad booking input is 422 with the wrong fields; clients cannot edit services or read the request queue", async () => {
  const bad = await client.post("/api/clinics/demo/appointments", {
    data: { petId: "nope", serviceId: randomUUID(), startsAt: "tomorrow" },
  });
  expect(bad.status()).toBe(422);
  expect(Object.keys((await bad.json()).error.fields)).toEqual(expect.arrayContaining(["petId", "startsAt"]));
  const badRange = await client.get(
    `/api/clinics/demo/availability?serviceId=${randomUUID()}&from=2026-02-10&to=2026-02-01`,
  );
  expect(badRange.status()).toBe(422);
  expect((await badRange.json()).error.fields).toHaveProperty("to");
  expect(
    (
      await client.post("/api/clinics/demo/services", {
        data: { name: "Grooming", durationMinutes: 30, priceCents: 100 },
      })
    ).status(),
  ).toBe(403);
  expect((await client.get("/api/clinics/demo/booking-requests")).status()).toBe(403);
  const badHours = await owner.put("/api/clinics/demo/schedules/weekly-hours", {
    data: { vetId: randomUUID(), hours: [{ weekday: 9, start: "10:00", end: "09:00" }] },
  });
  expect(badHours.status()).toBe(422);
  expect(Object.keys((await badHours.json()).error.fields)).toEqual(
    expect.arrayContaining(["hours.0.weekday", "hours.0.end"]),
  );
});

test("the slot list for a pet leaves out the pet's own booked time; a pet that is not the caller's is 404", async () => {
  const { serviceId, pets, slot } = await bookingTarget(16);
  const luna = pets.find((p) => p.name === "Luna") as { id: string };
  const range = `serviceId=${serviceId}&from=${madridDate(16)}&to=${madridDate(22)}`;
  const booked = await client.post("/api/clinics/demo/appointments", {
    data: { petId: luna.id, serviceId, startsAt: slot.startsAt },
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(booked.status()).toBe(201);
  const forLuna = await client.get(`/api/clinics/demo/availability?${range}&petId=${luna.id}`);
  expect(forLuna.status()).toBe(200);
  const starts = ((await forLuna.json()).slots as { startsAt: string }[]).map((s) => new Date(s.startsAt).getTime());
  expect(starts).not.toContain(new Date(slot.startsAt).getTime());
  expect((await owner.get(`/api/clinics/demo/availability?${range}&petId=${luna.id}`)).status()).toBe(200);
  const stranger = await client.get(`/api/clinics/demo/availability?${range}&petId=${randomUUID()}`);
  expect(stranger.status()).toBe(404);
  expect((await stranger.json()).error).toMatchObject({
    code: "PET_NOT_FOUND",
    fields: { petId: [expect.any(String)] },
  });
  const a = (await booked.json()).appointment;
  expect(
    (await client.post(`/api/clinics/demo/appointments/${a.id}/cancel`, { data: { reason: "e2e cleanup" } })).status(),
  ).toBe(200);
});

test("one pet cannot be booked with two vets at once: 409 PET_BUSY, and the other vet's list leaves that time out for it", async () => {
  const { serviceId, vetId } = await demoConsultation(client);
  const [victor, sofia] = [vetId("Dr. Victor Vet"), vetId("Dr. Sofia Salud")];
  const pets = (await (await client.get("/api/clinics/demo/pets")).json()).items as { id: string; name: string }[];
  const luna = pets.find((p) => p.name === "Luna") as { id: string };
  const milo = pets.find((p) => p.name === "Milo") as { id: string };
  const range = `serviceId=${serviceId}&from=${madridDate(24)}&to=${madridDate(30)}`;
  const starts = async (vetId: string, petId?: string) => {
    const res = await client.get(
      `/api/clinics/demo/availability?${range}&vetId=${vetId}${petId ? `&petId=${petId}` : ""}`,
    );
    expect(res.status()).toBe(200);
    return ((await res.json()).slots as { startsAt: string }[]).map((s) => new Date(s.startsAt).toISOString());
  };
  // a time both vets have free (their hours overlap late mornings and afternoons on weekdays)
  const sofiaFree = new Set(await starts(sofia));
  const both = (await starts(victor)).find((t) => sofiaFree.has(t)) as string;
  expect(both).toBeTruthy();

  const booked = await client.post("/api/clinics/demo/appointments", {
    data: { petId: luna.id, serviceId, vetId: victor, startsAt: both },
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(booked.status()).toBe(201);
  const clash = await client.post("/api/clinics/demo/appointments", {
    data: { petId: luna.id, serviceId, vetId: sofia, startsAt: both },
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(clash.status()).toBe(409);
  expect((await clash.json()).error).toMatchObject({
    code: "PET_BUSY",
    message: "Luna already has an appointment at that time.",
    fields: { startsAt: [expect.any(String)] },
  });
  expect(await starts(sofia, luna.id)).not.toContain(both);
  expect(await starts(sofia, milo.id)).toContain(both);

  const a = (await booked.json()).appointment;
  expect(
    (await client.post(`/api/clinics/demo/appointments/${a.id}/cancel`, { data: { reason: "e2e cleanup" } })).status(),
  ).toBe(200);
});

test("a client downloads their appointment as an .ics file; someone else's id is 404 and a malformed one 422", async () => {
  const { serviceId, pets, slot } = await bookingTarget(31);
  const milo = pets.find((p) => p.name === "Milo") as { id: string };
  const booked = await client.post("/api/clinics/demo/appointments", {
    data: { petId: milo.id, serviceId, vetId: slot.vetId, startsAt: slot.startsAt },
    headers: { "Idempotency-Key": `e2e-${randomUUID()}` },
  });
  expect(booked.status()).toBe(201);
  const a = (await booked.json()).appointment;
  const file = await client.get(`/api/clinics/demo/appointments/${a.id}/calendar`);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toContain("text/calendar");
  expect(file.headers()["content-disposition"]).toContain("appointment.ics");
  const ics = await file.text();
  expect(ics).toContain(`UID:${a.id}\r\n`);
  expect(ics).toContain("METHOD:PUBLISH\r\n");
  expect((await owner.get(`/api/clinics/demo/appointments/${a.id}/calendar`)).status()).toBe(200);
  const missing = await client.get(`/api/clinics/demo/appointments/${randomUUID()}/calendar`);
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("APPOINTMENT_NOT_FOUND");
  expect((await client.get("/api/clinics/demo/appointments/not-an-id/calendar")).status()).toBe(422);
  expect(
    (await client.post(`/api/clinics/demo/appointments/${a.id}/cancel`, { data: { reason: "e2e cleanup" } })).status(),
  ).toBe(200);
});
