// The visit routes over HTTP with real sessions: a client never receives SOAP notes, diagnoses, charges or
// addenda through any route (only the shared summary), a receptionist without the clinic's permission gets
// a visit without its notes, bad input is a 422 naming the field, and a signed visit answers 409.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as sharedGet } from "@/app/api/clinics/[clinic]/pets/[petId]/visit-summaries/route";
import { GET as petVisitsGet } from "@/app/api/clinics/[clinic]/pets/[petId]/visits/route";
import { POST as addendaPost } from "@/app/api/clinics/[clinic]/visits/[visitId]/addenda/route";
import { DELETE as chargeDelete } from "@/app/api/clinics/[clinic]/visits/[visitId]/charges/[chargeId]/route";
import { POST as chargesPost } from "@/app/api/clinics/[clinic]/visits/[visitId]/charges/route";
import { POST as finalizePost } from "@/app/api/clinics/[clinic]/visits/[visitId]/finalize/route";
import { GET as visitGet, PATCH as visitPatch } from "@/app/api/clinics/[clinic]/visits/[visitId]/route";
import { POST as visitsPost } from "@/app/api/clinics/[clinic]/visits/route";
import { PUT as notesAccessPut } from "@/app/api/clinics/[clinic]/clinical-notes-access/route";
import { closePool } from "@/lib/db/pool";
import { createService } from "../helpers/appointment-factories";
import { addStaff, closeTestPool, createClient, createClinic, createPet, type TestClinic } from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";

const SECRET = "internal-soap-9f3c";
let clinic: TestClinic;
let vet: string;
let receptionist: string;
let owner: string;
let client: string;
let petId: string;
let visitId: string;
let chargeId: string;

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

beforeAll(async () => {
  const o = await signedIn();
  clinic = await createClinic({ owner: o });
  owner = o.cookie;
  const v = await signedIn();
  await addStaff(clinic.id, "vet", v);
  vet = v.cookie;
  const r = await signedIn();
  await addStaff(clinic.id, "receptionist", r);
  receptionist = r.cookie;
  const c = await signedIn();
  const rec = await createClient(clinic.id, { user: c });
  client = c.cookie;
  petId = (await createPet(clinic.id, rec.id)).id;
  const service = await createService(clinic.id);

  const opened = await call(visitsPost, clinic.slug, "POST", "/visits", receptionist, { petId, reason: "Itching" });
  expect(opened.status).toBe(200);
  visitId = (opened.body.visit as { id: string }).id;
  const p = { visitId };
  const patched = await call(
    visitPatch,
    clinic.slug,
    "PATCH",
    `/visits/${visitId}`,
    vet,
    {
      subjective: `S ${SECRET}`,
      objective: `O ${SECRET}`,
      assessment: `A ${SECRET}`,
      plan: `P ${SECRET}`,
      diagnoses: [`D ${SECRET}`],
      weightKg: 4.2,
      summary: "Allergy flare; medicated shampoo.",
      dischargeInstructions: "Bathe twice a week.",
      sharedWithClient: true,
    },
    p,
  );
  expect(patched.status).toBe(200);
  const charge = await call(
    chargesPost,
    clinic.slug,
    "POST",
    `/visits/${visitId}/charges`,
    vet,
    {
      kind: "service",
      serviceId: service.id,
    },
    p,
  );
  expect(charge.status).toBe(201);
  chargeId = (charge.body.charge as { id: string }).id;
  expect((await call(finalizePost, clinic.slug, "POST", `/visits/${visitId}/finalize`, vet, undefined, p)).status).toBe(
    200,
  );
  const addendum = await call(
    addendaPost,
    clinic.slug,
    "POST",
    `/visits/${visitId}/addenda`,
    vet,
    {
      body: `Addendum ${SECRET}`,
    },
    p,
  );
  expect(addendum.status).toBe(201);
});

describe("a client", () => {
  it("reads only the shared summary and discharge instructions of their pet's visit", async () => {
    const res = await call(sharedGet, clinic.slug, "GET", `/pets/${petId}/visit-summaries`, client, undefined, {
      petId,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        visitId,
        startedAt: expect.any(String),
        vetName: null,
        summary: "Allergy flare; medicated shampoo.",
        dischargeInstructions: "Bathe twice a week.",
      },
    ]);
  });

  it("never receives clinical notes through any visit route", async () => {
    const p = { visitId, petId, chargeId };
    const calls = [
      await call(visitGet, clinic.slug, "GET", `/visits/${visitId}`, client, undefined, p),
      await call(visitPatch, clinic.slug, "PATCH", `/visits/${visitId}`, client, { summary: "x" }, p),
      await call(petVisitsGet, clinic.slug, "GET", `/pets/${petId}/visits`, client, undefined, p),
      await call(visitsPost, clinic.slug, "POST", "/visits", client, { petId }, p),
      await call(finalizePost, clinic.slug, "POST", `/visits/${visitId}/finalize`, client, undefined, p),
      await call(addendaPost, clinic.slug, "POST", `/visits/${visitId}/addenda`, client, { body: "x" }, p),
      await call(
        chargesPost,
        clinic.slug,
        "POST",
        `/visits/${visitId}/charges`,
        client,
        { kind: "other", description: "x", unitPriceCents: 1 },
        p,
      ),
      await call(chargeDelete, clinic.slug, "DELETE", `/visits/${visitId}/charges/${chargeId}`, client, undefined, p),
      await call(sharedGet, clinic.slug, "GET", `/pets/${petId}/visit-summaries`, client, undefined, p),
    ];
    for (const res of calls.slice(0, -1))
      expect(res).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    for (const res of calls) expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });
});

describe("a receptionist", () => {
  it("gets the visit without SOAP notes, diagnoses or addenda unless the clinic allows it", async () => {
    const p = { visitId, petId };
    const res = await call(visitGet, clinic.slug, "GET", `/visits/${visitId}`, receptionist, undefined, p);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ notes: null, addenda: [], charges: [{ id: chargeId }] });
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
    const list = await call(petVisitsGet, clinic.slug, "GET", `/pets/${petId}/visits`, receptionist, undefined, p);
    expect(JSON.stringify(list.body)).not.toContain(SECRET);

    expect(
      (
        await call(notesAccessPut, clinic.slug, "PUT", "/clinical-notes-access", owner, {
          receptionistsReadClinicalNotes: true,
        })
      ).status,
    ).toBe(200);
    const allowed = await call(visitGet, clinic.slug, "GET", `/visits/${visitId}`, receptionist, undefined, p);
    expect(JSON.stringify(allowed.body)).toContain(SECRET);
    await call(notesAccessPut, clinic.slug, "PUT", "/clinical-notes-access", owner, {
      receptionistsReadClinicalNotes: false,
    });
  });
});

describe("bad input and signed visits", () => {
  it("answers 422 with the field for out-of-range vitals and bad charges", async () => {
    const opened = await call(visitsPost, clinic.slug, "POST", "/visits", vet, { petId });
    const id = (opened.body.visit as { id: string }).id;
    const bad = await call(
      visitPatch,
      clinic.slug,
      "PATCH",
      `/visits/${id}`,
      vet,
      { temperatureC: 61, heartRateBpm: 1.5 },
      {
        visitId: id,
      },
    );
    expect(bad.status).toBe(422);
    expect(Object.keys((bad.body.error as { fields: object }).fields).sort()).toEqual(["heartRateBpm", "temperatureC"]);
    const charge = await call(
      chargesPost,
      clinic.slug,
      "POST",
      `/visits/${id}/charges`,
      vet,
      { kind: "service" },
      { visitId: id },
    );
    expect(charge.status).toBe(422);
    expect(Object.keys((charge.body.error as { fields: object }).fields)).toEqual(["serviceId"]);
    const noPet = await call(visitsPost, clinic.slug, "POST", "/visits", vet, {});
    expect([noPet.status, Object.keys((noPet.body.error as { fields: object }).fields)]).toEqual([422, ["petId"]]);
    const badId = await call(visitGet, clinic.slug, "GET", "/visits/nope", vet, undefined, { visitId: "nope" });
    expect(badId.status).toBe(422);
  });

  it("answers 409 to edits of a signed visit, and keeps it unchanged", async () => {
    const p = { visitId, chargeId };
    const edit = await call(visitPatch, clinic.slug, "PATCH", `/visits/${visitId}`, vet, { plan: "rewrite" }, p);
    expect(edit).toMatchObject({ status: 409, body: { error: { code: "VISIT_FINALIZED" } } });
    const del = await call(
      chargeDelete,
      clinic.slug,
      "DELETE",
      `/visits/${visitId}/charges/${chargeId}`,
      vet,
      undefined,
      p,
    );
    expect(del.status).toBe(409);
    const after = await call(visitGet, clinic.slug, "GET", `/visits/${visitId}`, vet, undefined, p);
    expect((after.body.notes as { plan: string }).plan).toBe(`P ${SECRET}`);
    expect((after.body.charges as unknown[]).length).toBe(1);
  });
});
