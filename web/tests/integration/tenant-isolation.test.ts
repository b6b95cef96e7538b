// Tenant isolation for clients and pets, exercised through the same use-cases the routes call (withUser +
// web/lib/clients, web/lib/pets), so row-level security is what is being tested. Every refused write is
// followed by a look at the row through the owner connection, to prove nothing changed.
// The last block shows these checks can fail: it adds a permissive `using (true)` policy inside a
// transaction that is rolled back, and the same leak detectors then report other tenants' rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PoolClient } from "pg";
import { getClinicAccess } from "@/lib/clinics/get-clinic-access";
import { createClient as createClientRecord } from "@/lib/clients/create-client";
import { getClient } from "@/lib/clients/get-client";
import { getMyClientProfile } from "@/lib/clients/get-my-client-profile";
import { linkClientUser } from "@/lib/clients/link-client-user";
import { listClients } from "@/lib/clients/list-clients";
import { updateClient } from "@/lib/clients/update-client";
import { updateMyClientProfile } from "@/lib/clients/update-my-client-profile";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import type { Db, SessionUser } from "@/lib/db/types";
import { archivePet } from "@/lib/pets/archive-pet";
import { createPet } from "@/lib/pets/create-pet";
import { getPet } from "@/lib/pets/get-pet";
import { listPets } from "@/lib/pets/list-pets";
import { updatePet } from "@/lib/pets/update-pet";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet as createPetRow,
  createUser,
  testPool,
  type TestClient,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

let clinicA: TestClinic;
let clinicB: TestClinic;
let staffA: TestUser;
let staffB: TestUser;
let clientA1: TestClient & { user: TestUser };
let clientA2: TestClient & { user: TestUser };
let clientB1: TestClient & { user: TestUser };
let petA1: { id: string };
let petA2: { id: string };
let petB1: { id: string };

async function clientWithUser(clinicId: string, user?: TestUser): Promise<TestClient & { user: TestUser }> {
  const u = user ?? (await createUser());
  const c = await createClient(clinicId, { user: u });
  return { ...c, user: u };
}

beforeAll(async () => {
  clinicA = await createClinic();
  clinicB = await createClinic();
  staffA = await addStaff(clinicA.id, "receptionist");
  staffB = await addStaff(clinicB.id, "vet");
  clientA1 = await clientWithUser(clinicA.id);
  clientA2 = await clientWithUser(clinicA.id);
  clientB1 = await clientWithUser(clinicB.id);
  petA1 = await createPetRow(clinicA.id, clientA1.id, { name: "Alpha" });
  petA2 = await createPetRow(clinicA.id, clientA2.id, { name: "Bravo" });
  petB1 = await createPetRow(clinicB.id, clientB1.id, { name: "Charlie" });
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

/** The row as the database owner sees it, to prove a refused write changed nothing. */
async function rawRow(table: "clients" | "pets", id: string): Promise<Record<string, unknown>> {
  const { rows } = await testPool().query(`select * from public.${table} where id = $1`, [id]);
  expect(rows).toHaveLength(1);
  return rows[0] as Record<string, unknown>;
}

async function countRows(table: "clients" | "pets", clinicId: string): Promise<number> {
  const { rows } = await testPool().query<{ n: number }>(
    `select count(*)::int as n from public.${table} where clinic_id = $1`,
    [clinicId],
  );
  return rows[0]?.n ?? -1;
}

// Leak detectors shared by the normal tests and the broken-policy test below.
// Each looks through the use-case and also straight at the table, because listPets joins clients, whose
// own policies would hide a leak in the pets policy alone.
/** Pets a client can see in a clinic that are not their own. */
async function petsLeakedToClient(db: Db, clinicId: string, ownClientId: string): Promise<string[]> {
  const page = await listPets(db, { clinicId, includeArchived: true });
  const raw = await db.query<{ id: string }>("select id from public.pets where clinic_id = $1 and client_id <> $2", [
    clinicId,
    ownClientId,
  ]);
  const ids = [...page.items.filter((p) => p.clientId !== ownClientId).map((p) => p.id), ...raw.rows.map((r) => r.id)];
  return [...new Set(ids)];
}
/** Pets a staff member (or client) can see in a clinic they do not belong to. */
async function petsLeakedToOutsider(db: Db, foreignClinicId: string): Promise<string[]> {
  const page = await listPets(db, { clinicId: foreignClinicId, includeArchived: true });
  const raw = await db.query<{ id: string }>("select id from public.pets where clinic_id = $1", [foreignClinicId]);
  return [...new Set([...page.items.map((p) => p.id), ...raw.rows.map((r) => r.id)])];
}
/** What the listPets use-case alone shows an outsider. */
async function petsListedToOutsider(db: Db, foreignClinicId: string): Promise<string[]> {
  const page = await listPets(db, { clinicId: foreignClinicId, includeArchived: true });
  return page.items.map((p) => p.id);
}

describe("staff of one clinic and another clinic's clients", () => {
  it("cannot list another clinic's clients", async () => {
    const page = await withUser(staffA, (db) => listClients(db, { clinicId: clinicB.id }));
    expect(page).toMatchObject({ items: [], total: 0 });
    // and the same call for their own clinic does see its clients (the check is not vacuous)
    const own = await withUser(staffA, (db) => listClients(db, { clinicId: clinicA.id }));
    expect(own.items.map((c) => c.id)).toEqual(expect.arrayContaining([clientA1.id, clientA2.id]));
    expect(own.items.map((c) => c.id)).not.toContain(clientB1.id);
  });

  it("cannot read another clinic's client, by that clinic or by their own clinic's URL", async () => {
    await expect(
      withUser(staffA, (db) => getClient(db, { clinicId: clinicB.id, clientId: clientB1.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(staffA, (db) => getClient(db, { clinicId: clinicA.id, clientId: clientB1.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("cannot update another clinic's client, and the row is unchanged", async () => {
    const before = await rawRow("clients", clientB1.id);
    await expect(
      withUser(staffA, (db) =>
        updateClient(
          db,
          { clinicId: clinicB.id, clientId: clientB1.id },
          { fullName: "Hijacked", marketingOptIn: true },
        ),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(staffA, (db) =>
        updateClient(db, { clinicId: clinicA.id, clientId: clientB1.id }, { fullName: "Hijacked" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rawRow("clients", clientB1.id)).toEqual(before);
  });

  it("cannot create a client in another clinic", async () => {
    const before = await countRows("clients", clinicB.id);
    await expect(
      withUser(staffA, (db) => createClientRecord(db, { clinicId: clinicB.id }, { fullName: "Planted" })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await countRows("clients", clinicB.id)).toBe(before);
  });

  it("cannot link another clinic's client to a login", async () => {
    const staffMade = await createClient(clinicB.id, { user: null, name: "No login yet" });
    await expect(
      withUser(staffA, (db) => linkClientUser(db, { clinicId: clinicB.id, clientId: staffMade.id })),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
    });
    await expect(
      withUser(staffA, (db) => linkClientUser(db, { clinicId: clinicA.id, clientId: staffMade.id })),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
    });
    expect((await rawRow("clients", staffMade.id)).user_id).toBeNull();
  });
});

describe("staff of one clinic and another clinic's pets", () => {
  it("cannot list, read, update or archive them; rows unchanged", async () => {
    expect(await withUser(staffA, (db) => petsLeakedToOutsider(db, clinicB.id))).toEqual([]);
    expect(await withUser(staffB, (db) => petsLeakedToOutsider(db, clinicA.id))).toEqual([]);
    const before = await rawRow("pets", petB1.id);
    await expect(withUser(staffA, (db) => getPet(db, { clinicId: clinicB.id, petId: petB1.id }))).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await expect(
      withUser(staffA, (db) => updatePet(db, { clinicId: clinicB.id, petId: petB1.id }, { name: "Stolen" })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      withUser(staffA, (db) => updatePet(db, { clinicId: clinicA.id, petId: petB1.id }, { name: "Stolen" })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      withUser(staffA, (db) => archivePet(db, { clinicId: clinicB.id, petId: petB1.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rawRow("pets", petB1.id)).toEqual(before);
  });

  it("cannot add a pet in another clinic, nor attach one in their clinic to another clinic's client", async () => {
    const before = await countRows("pets", clinicB.id);
    await expect(
      withUser(staffA, (db) =>
        createPet(db, { clinicId: clinicB.id, clientId: clientB1.id }, { name: "Planted", species: "cat" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withUser(staffA, (db) =>
        createPet(db, { clinicId: clinicA.id, clientId: clientB1.id }, { name: "Planted", species: "cat" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows("pets", clinicB.id)).toBe(before);
  });
});

describe("a client and other clients' pets", () => {
  it("lists only their own pets", async () => {
    const page = await withUser(clientA1.user, (db) => listPets(db, { clinicId: clinicA.id }));
    expect(page.items.map((p) => p.id)).toEqual([petA1.id]);
    expect(page.total).toBe(1);
    expect(await withUser(clientA1.user, (db) => petsLeakedToClient(db, clinicA.id, clientA1.id))).toEqual([]);
    // asking for another client's pets by id filter gives nothing, not their pets
    const other = await withUser(clientA1.user, (db) => listPets(db, { clinicId: clinicA.id, clientId: clientA2.id }));
    expect(other).toMatchObject({ items: [], total: 0 });
  });

  it("cannot read, edit or archive another client's pet in the same clinic; row unchanged", async () => {
    const before = await rawRow("pets", petA2.id);
    await expect(
      withUser(clientA1.user, (db) => getPet(db, { clinicId: clinicA.id, petId: petA2.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(clientA1.user, (db) => updatePet(db, { clinicId: clinicA.id, petId: petA2.id }, { notes: "mine now" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(clientA1.user, (db) => archivePet(db, { clinicId: clinicA.id, petId: petA2.id })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await rawRow("pets", petA2.id)).toEqual(before);
  });

  it("cannot read or edit a pet in another clinic; row unchanged", async () => {
    const before = await rawRow("pets", petB1.id);
    expect(await withUser(clientA1.user, (db) => petsLeakedToOutsider(db, clinicB.id))).toEqual([]);
    await expect(
      withUser(clientA1.user, (db) => getPet(db, { clinicId: clinicB.id, petId: petB1.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(clientA1.user, (db) => updatePet(db, { clinicId: clinicB.id, petId: petB1.id }, { name: "Mine" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await rawRow("pets", petB1.id)).toEqual(before);
  });

  it("cannot add a pet for another client, in their clinic or another", async () => {
    const [a, b] = [await countRows("pets", clinicA.id), await countRows("pets", clinicB.id)];
    await expect(
      withUser(clientA1.user, (db) =>
        createPet(db, { clinicId: clinicA.id, clientId: clientA2.id }, { name: "Gift", species: "dog" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      withUser(clientA1.user, (db) =>
        createPet(db, { clinicId: clinicB.id, clientId: clientB1.id }, { name: "Gift", species: "dog" }),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect([await countRows("pets", clinicA.id), await countRows("pets", clinicB.id)]).toEqual([a, b]);
  });

  it("cannot move their pet to another client or clinic", async () => {
    const before = await rawRow("pets", petA1.id);
    // the use-case's schema has no owner or clinic field
    await expect(
      withUser(clientA1.user, (db) =>
        updatePet(db, { clinicId: clinicA.id, petId: petA1.id }, { clientId: clientA2.id } as never),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { _: expect.any(Array) } });
    // and the database refuses it even when asked directly as the user
    for (const [column, value] of [
      ["client_id", clientA2.id],
      ["clinic_id", clinicB.id],
    ] as const) {
      await expect(
        withUser(clientA1.user, (db) =>
          db.query(`update public.pets set ${column} = $1 where id = $2`, [value, petA1.id]),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await rawRow("pets", petA1.id)).toEqual(before);
  });
});

describe("a client's own record", () => {
  it("cannot change its user, clinic or login email", async () => {
    const before = await rawRow("clients", clientA1.id);
    await expect(
      withUser(clientA1.user, (db) =>
        updateMyClientProfile(db, { clinicId: clinicA.id }, { userId: clientA2.user.userId } as never),
      ),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    for (const [column, value] of [
      ["user_id", clientA2.user.userId],
      ["clinic_id", clinicB.id],
      ["email", "someone-else@example.test"],
    ] as const) {
      await expect(
        withUser(clientA1.user, (db) =>
          db.query(`update public.clients set ${column} = $1 where id = $2`, [value, clientA1.id]),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await rawRow("clients", clientA1.id)).toEqual(before);
  });

  it("cannot read or edit another client's record", async () => {
    const before = await rawRow("clients", clientA2.id);
    const page = await withUser(clientA1.user, (db) => listClients(db, { clinicId: clinicA.id }));
    expect(page.items.map((c) => c.id)).toEqual([clientA1.id]);
    await expect(
      withUser(clientA1.user, (db) => getClient(db, { clinicId: clinicA.id, clientId: clientA2.id })),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      withUser(clientA1.user, (db) =>
        updateClient(db, { clinicId: clinicA.id, clientId: clientA2.id }, { fullName: "Renamed" }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(clientA1.user, (db) => createClientRecord(db, { clinicId: clinicA.id }, { fullName: "Sock puppet" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rawRow("clients", clientA2.id)).toEqual(before);
  });

  it("a client of clinic A is not a client of clinic B", async () => {
    await expect(
      withUser(clientA1.user, (db) => getMyClientProfile(db, { clinicId: clinicB.id })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      withUser(clientA1.user, (db) => updateMyClientProfile(db, { clinicId: clinicB.id }, { marketingOptIn: true })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const accessB = await withUser(clientA1.user, (db) => getClinicAccess(db, clinicB.slug));
    expect(accessB).toMatchObject({ clientId: null, role: null });
    const accessA = await withUser(clientA1.user, (db) => getClinicAccess(db, clinicA.slug));
    expect(accessA).toMatchObject({ clientId: clientA1.id, role: null });
  });
});

describe("the isolation checks detect a broken policy", () => {
  /** Runs fn as `user` in a transaction that first adds permissive select policies (as owner); always rolls back. */
  async function withPermissivePolicies<T>(
    tables: ("pets" | "clients")[],
    user: SessionUser,
    fn: (db: Db) => Promise<T>,
  ): Promise<T> {
    const conn: PoolClient = await testPool().connect();
    try {
      await conn.query("begin");
      for (const table of tables) {
        await conn.query(
          `create policy "broken on purpose: anyone can read any row" on public.${table} for select to authenticated using (true)`,
        );
      }
      await conn.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: user.userId, role: "authenticated" }),
      ]);
      await conn.query("set local role authenticated");
      return await fn(conn);
    } finally {
      await conn.query("rollback");
      conn.release();
    }
  }

  it("reports other tenants' pets while a permissive pets policy exists", async () => {
    expect(await withPermissivePolicies(["pets"], staffA, (db) => petsLeakedToOutsider(db, clinicB.id))).toContain(
      petB1.id,
    );
    expect(
      await withPermissivePolicies(["pets"], clientA1.user, (db) => petsLeakedToClient(db, clinicA.id, clientA1.id)),
    ).toContain(petA2.id);
  });

  it("shows the leak through the listPets use-case when clients' policy is broken too", async () => {
    expect(
      await withPermissivePolicies(["pets", "clients"], staffA, (db) => petsListedToOutsider(db, clinicB.id)),
    ).toContain(petB1.id);
    const staffSeesClients = await withPermissivePolicies(["clients"], staffA, (db) =>
      listClients(db, { clinicId: clinicB.id }),
    );
    expect(staffSeesClients.items.map((c) => c.id)).toContain(clientB1.id);
  });

  it("is clean again after the rollback", async () => {
    const { rows } = await testPool().query("select 1 from pg_policies where policyname like 'broken on purpose%'");
    expect(rows).toHaveLength(0);
    expect(await withUser(staffA, (db) => petsLeakedToOutsider(db, clinicB.id))).toEqual([]);
    expect(await withUser(clientA1.user, (db) => petsLeakedToClient(db, clinicA.id, clientA1.id))).toEqual([]);
  });
});
