// The lookup restricted to one kind (the invoice editor's client picker): only that kind comes back, pets ranked
// above the clients do not use up the limit, and a bad kind is a 422 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as lookupGet } from "@/app/api/clinics/[clinic]/lookup/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { searchClinicRecords, type LookupResult } from "@/lib/lookup/search-clinic-records";
import { addStaff, closeTestPool, createClient, createClinic, createPet, type TestClinic } from "../helpers/factories";
import { call, signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let desk: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  clinic = await createClinic();
  desk = await signedIn();
  await addStaff(clinic.id, "receptionist", desk);
  // pets named exactly like the query rank before the client whose name only starts with it
  const owner = await createClient(clinic.id, { user: null, name: "Zorba Keeper" });
  for (let i = 0; i < 5; i++) await createPet(clinic.id, owner.id, { name: "Zorb" });
  await createClient(clinic.id, { user: null, name: "Zorbas Fontana" });
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

describe("searching one kind", () => {
  it("returns only clients, even when pets rank first and fill the limit", async () => {
    const mixed = await withUser(desk, (db) => searchClinicRecords(db, clinic.id, { q: "zorb", limit: 3 }));
    expect(mixed.map((r) => r.kind)).toEqual(["pet", "pet", "pet"]);
    const clients = await withUser(desk, (db) =>
      searchClinicRecords(db, clinic.id, { q: "zorb", limit: 3, kind: "client" }),
    );
    expect(clients.map((r) => `${r.kind}:${r.label}`).sort()).toEqual(["client:Zorba Keeper", "client:Zorbas Fontana"]);
  });

  it("finds the client behind more pets than the widest page (the kind filters inside the search, before its limit)", async () => {
    // 55 pets named exactly "Quorra" rank before the client whose name only starts with it
    const owner = await createClient(clinic.id, { user: null, name: "Pet Hoarder" });
    for (let i = 0; i < 55; i++) await createPet(clinic.id, owner.id, { name: "Quorra" });
    await createClient(clinic.id, { user: null, name: "Quorra Smith" });
    const clients = await withUser(desk, (db) =>
      searchClinicRecords(db, clinic.id, { q: "quorra", limit: 8, kind: "client" }),
    );
    expect(clients.map((r) => `${r.kind}:${r.label}`)).toEqual(["client:Quorra Smith"]);
    const pets = await withUser(desk, (db) =>
      searchClinicRecords(db, clinic.id, { q: "quorra", limit: 8, kind: "pet" }),
    );
    expect(pets).toHaveLength(8);
    expect(pets.every((r) => r.kind === "pet")).toBe(true);
  });

  it("answers ?kind=client over HTTP, and a bad kind with 422 naming the field", async () => {
    const ok = await call(lookupGet, clinic.slug, "GET", "/lookup?q=zorb&limit=1&kind=client", desk.cookie);
    expect(ok.status).toBe(200);
    expect((ok.body.items as LookupResult[]).map((r) => r.kind)).toEqual(["client"]);
    const bad = await call(lookupGet, clinic.slug, "GET", "/lookup?q=zorb&kind=invoice", desk.cookie);
    expect(bad.status).toBe(422);
    expect((bad.body.error as { fields: Record<string, unknown> }).fields).toHaveProperty("kind");
  });
});
