// The front-desk lookup against the real database and over HTTP: what matches (names by prefix, word and
// fragment; every typed word in any order, accents ignored; a pet by its owner's name, phone or email; phone
// digits however typed, with or without a country code; email in any case; a microchip exactly) and in which
// order; the search text follows edits; staff of another clinic and clients get nothing; bad input is a 422
// naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as lookupGet } from "@/app/api/clinics/[clinic]/lookup/route";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { rpc } from "@/lib/db/rpc";
import { AppError } from "@/lib/errors";
import { searchClinicRecords, type LookupResult } from "@/lib/lookup/search-clinic-records";
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
import { call, signedIn } from "../helpers/route-calls";

let clinic: TestClinic;
let other: TestClinic;
let desk: TestUser & { cookie: string };
let otherDesk: TestUser & { cookie: string };
let clientPerson: TestUser & { cookie: string };
const ids: Record<string, string> = {};

async function client(clinicId: string, name: string, phone: string | null, email: string | null) {
  const { id } = await createClient(clinicId, { user: null, name });
  await testPool().query("update public.clients set phone = $2, email = $3 where id = $1", [id, phone, email]);
  return id;
}

beforeAll(async () => {
  clinic = await createClinic();
  other = await createClinic();
  desk = await signedIn();
  await addStaff(clinic.id, "receptionist", desk);
  otherDesk = await signedIn();
  await addStaff(other.id, "receptionist", otherDesk);
  clientPerson = await signedIn();
  await createClient(clinic.id, { user: clientPerson });

  ids.quinn = await client(clinic.id, "Quinn Adams", "+34 611 22 33 44", "Quinn.Adams@Lookup-Mail.test");
  ids.marta = await client(clinic.id, "Marta Quintana", "(600) 555-0101", "marta@lookup-mail.test");
  ids.esquire = await client(clinic.id, "Esquire Lee", null, null);
  ids.quimby = (await createPet(clinic.id, ids.marta, { name: "Quimby" })).id;
  await testPool().query("update public.pets set microchip = '941000123456789' where id = $1", [ids.quimby]);
  ids.old = (await createPet(clinic.id, ids.marta, { name: "Quill" })).id;
  await testPool().query("update public.pets set archived_at = now() where id = $1", [ids.old]);
  // the other clinic has look-alikes that must never show up in the first clinic's answers
  ids.otherQuinn = await client(other.id, "Quinn Other", "+34 611 22 33 44", "quinn.adams@lookup-mail.test");
  await createPet(other.id, ids.otherQuinn, { name: "Quimby" });

  // owners and pets whose words cross: Ana García owns Luna, Luna Pérez owns Garfield
  ids.ana = await client(clinic.id, "Ana García", "+34 622-33-44-55", "ana.garcia@casa.test");
  ids.luna = (await createPet(clinic.id, ids.ana, { name: "Luna" })).id;
  ids.luis = await client(clinic.id, "Luis Garcia Lopez", null, null);
  ids.toby = (await createPet(clinic.id, ids.luis, { name: "Toby" })).id;
  ids.lunaPerez = await client(clinic.id, "Luna Pérez", null, null);
  ids.garfield = (await createPet(clinic.id, ids.lunaPerez, { name: "Garfield" })).id;
  ids.berta = await client(clinic.id, "Berta Prefix", "622 334 455 9", null);
  ids.nacho = await client(clinic.id, "Nacho Local", "622 99 88 77", null);
  ids.kira = (await createPet(clinic.id, ids.nacho, { name: "Kira" })).id;
  const otherAna = await client(other.id, "Ana García", "+34 622-33-44-55", "ana.garcia@casa.test");
  await createPet(other.id, otherAna, { name: "Luna" });
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const search = (q: string, limit = 10): Promise<LookupResult[]> =>
  withUser(desk, (db) => searchClinicRecords(db, clinic.id, { q, limit }));
const keys = (rs: LookupResult[]) => rs.map((r) => `${r.kind}:${r.label}`);

describe("matching and ranking", () => {
  it("puts a name's start before a word's start before a fragment, clients and pets mixed", async () => {
    expect(keys(await search("qui"))).toEqual([
      "client:Quinn Adams",
      "pet:Quimby",
      "client:Marta Quintana",
      "client:Esquire Lee",
      "pet:Quill",
    ]);
  });

  it("ranks an exact name first and describes a pet by its owner", async () => {
    const [first] = await search("QUIMBY");
    expect(first).toMatchObject({ kind: "pet", id: ids.quimby, clientId: ids.marta, clientName: "Marta Quintana" });
    expect(first).toMatchObject({ species: "dog", microchip: "941000123456789", archived: false });
  });

  it("keeps archived pets, after the living ones", async () => {
    const rs = await search("qu");
    expect(rs.find((r) => r.id === ids.old)?.archived).toBe(true);
    expect(keys(rs).at(-1)).toBe("pet:Quill");
  });

  it("finds a phone by its digits however it was stored or typed, the owner's pets after the owner", async () => {
    for (const q of ["611 22 33", "+34611223344", "611-223", "(600) 555", "6005550101"]) {
      const rs = await search(q);
      expect(
        rs.map((r) => r.id),
        q,
      ).toEqual(q.includes("600") ? [ids.marta, ids.quimby, ids.old] : [ids.quinn]);
    }
  });

  it("finds an email in any case, the exact address first", async () => {
    expect((await search("QUINN.ADAMS@LOOKUP-MAIL.TEST")).map((r) => r.id)).toEqual([ids.quinn]);
    expect(keys(await search("Lookup-Mail"))).toEqual([
      "client:Marta Quintana",
      "client:Quinn Adams",
      "pet:Quimby",
      "pet:Quill",
    ]);
  });

  it("matches a microchip exactly, with or without spaces, and not by a part of it", async () => {
    expect((await search("941000123456789")).map((r) => r.id)).toEqual([ids.quimby]);
    expect((await search("941 000 123 456 789")).map((r) => r.id)).toEqual([ids.quimby]);
    expect(await search("94100012345")).toEqual([]);
  });

  it("treats LIKE wildcards as text and honours the limit", async () => {
    expect(await search("%")).toEqual([]);
    expect(await search("_ui")).toEqual([]);
    expect(await search("qu", 2)).toHaveLength(2);
  });
});

describe("every word, in any order", () => {
  it("finds a pet by its name and its owner's name in either order, accents and case ignored", async () => {
    for (const q of ["garcia luna", "luna garcia", "Luna García", "GARCÍA   luna", "luna, garcía"]) {
      expect(
        (await search(q)).map((r) => r.id),
        q,
      ).toEqual([ids.luna]);
    }
  });

  it("matches the start of each word for partial words, in either order", async () => {
    for (const q of ["gar lu", "lu gar"]) {
      expect(keys(await search(q)).sort(), q).toEqual(
        ["client:Luis Garcia Lopez", "pet:Garfield", "pet:Luna", "pet:Toby"].sort(),
      );
    }
    // the name that starts with a typed word comes before the pet found only through its owner
    expect(keys(await search("gar lu")).at(-1)).toBe("pet:Toby");
  });

  it("requires every word to match somewhere in the record", async () => {
    expect((await search("garcia toby")).map((r) => r.id)).toEqual([ids.toby]);
    expect(await search("ana toby")).toEqual([]);
    expect(await search("luna zzz")).toEqual([]);
  });

  it("ranks an exact name first, then a name that starts with the word, then a pet found through its owner", async () => {
    expect(keys(await search("luna"))).toEqual(["pet:Luna", "client:Luna Pérez", "pet:Garfield"]);
    expect(keys(await search("ana garcía"))).toEqual(["client:Ana García", "pet:Luna"]);
  });
});

describe("a pet by its owner's details", () => {
  it("finds the owner and then the owner's pets by the owner's phone, however it is typed", async () => {
    for (const q of ["622 33 44 55", "+34 622-334-455", "0034622334455", "+34622334455"]) {
      expect((await search(q)).map((r) => r.id).slice(0, 2), q).toEqual([ids.ana, ids.luna]);
    }
  });

  it("ranks an exact phone before a phone that only contains the digits", async () => {
    expect((await search("622 334 455")).map((r) => r.id)).toEqual([ids.ana, ids.luna, ids.berta]);
    expect((await search("622334")).map((r) => r.id)).toEqual([ids.ana, ids.berta, ids.luna]);
  });

  it("finds a number stored without the country code when it is typed with one", async () => {
    expect((await search("+34 622 99 88 77")).map((r) => r.id)).toEqual([ids.nacho, ids.kira]);
    expect((await search("0034 622 998")).map((r) => r.id)).toEqual([ids.nacho, ids.kira]);
  });

  it("finds the owner and the owner's pets by the owner's email or name", async () => {
    expect((await search("ANA.GARCIA@casa.test")).map((r) => r.id)).toEqual([ids.ana, ids.luna]);
    expect((await search("nacho")).map((r) => r.id)).toEqual([ids.nacho, ids.kira]);
  });

  it("follows edits: a renamed owner, a new phone, a pet given to another owner, a deleted pet", async () => {
    await withUser(desk, (db) =>
      db.query("update public.clients set full_name = 'Ignacio Local', phone = '+34 633 000 111' where id = $1", [
        ids.nacho,
      ]),
    );
    expect((await search("ignacio kira")).map((r) => r.id)).toEqual([ids.kira]);
    expect(await search("nacho")).toEqual([]);
    expect((await search("633 000 111")).map((r) => r.id)).toEqual([ids.nacho, ids.kira]);
    expect(await search("622 99 88 77")).toEqual([]);

    await testPool().query("update public.pets set client_id = $2 where id = $1", [ids.kira, ids.berta]);
    expect((await search("berta kira")).map((r) => r.id)).toEqual([ids.kira]);
    expect(await search("ignacio kira")).toEqual([]);
    await testPool().query("delete from public.pets where id = $1", [ids.kira]);
    expect(await search("kira")).toEqual([]);
  });
});

describe("tenant isolation", () => {
  it("never answers with another clinic's records, even when they match better", async () => {
    const mine = new Set(Object.values(ids).filter((id) => id !== ids.otherQuinn));
    for (const q of ["ana garcia", "garcia luna", "+34 622 33 44 55", "ana.garcia@casa.test", "quimby", "luna"]) {
      const rs = await search(q, 50);
      expect(rs.length, q).toBeGreaterThan(0);
      for (const r of rs) expect(mine.has(r.id), `${q}: ${r.label}`).toBe(true);
    }
  });

  it("refuses another clinic's staff and a client in SQL", async () => {
    for (const who of [otherDesk, clientPerson]) {
      const err = await withUser(who, (db) =>
        rpc(db, "search_clinic_records", { p_clinic_id: clinic.id, p_query: "quinn", p_limit: 10 }),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(403);
    }
  });

  it("answers another clinic's staff and a client with 403 over HTTP, and each clinic only with its own", async () => {
    for (const who of [otherDesk, clientPerson]) {
      const res = await call(lookupGet, clinic.slug, "GET", "/lookup?q=quinn", who.cookie);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain("Quinn Adams");
    }
    const own = await call(lookupGet, other.slug, "GET", "/lookup?q=quinn", otherDesk.cookie);
    expect(own.status).toBe(200);
    expect((own.body.items as LookupResult[]).map((r) => `${r.kind}:${r.clientId}`)).toEqual([
      `client:${ids.otherQuinn}`,
      `pet:${ids.otherQuinn}`,
    ]);
    const mine = await call(lookupGet, clinic.slug, "GET", "/lookup?q=611%2022&limit=5", desk.cookie);
    expect((mine.body.items as LookupResult[]).map((r) => r.id)).toEqual([ids.quinn]);
  });

  it("can not be called by anonymous visitors", async () => {
    const res = await call(lookupGet, clinic.slug, "GET", "/lookup?q=quinn", "");
    expect(res.status).toBe(401);
  });
});

describe("bad input", () => {
  it("answers a missing, empty or too long q and a bad limit with 422 naming the field", async () => {
    for (const [qs, field] of [
      ["", "q"],
      ["?q=", "q"],
      ["?q=%20%20", "q"],
      [`?q=${"a".repeat(101)}`, "q"],
      ["?q=quinn&limit=0", "limit"],
      ["?q=quinn&limit=51", "limit"],
      ["?q=quinn&limit=ten", "limit"],
    ] as const) {
      const res = await call(lookupGet, clinic.slug, "GET", `/lookup${qs}`, desk.cookie);
      expect(res.status, qs).toBe(422);
      expect((res.body.error as { fields: Record<string, unknown> }).fields, qs).toHaveProperty(field);
    }
  });

  it("is refused by the SQL function itself, naming the field, when a caller skips the app's checks", async () => {
    for (const [query, limit, field] of [
      [" ", 10, "q"],
      ["x".repeat(101), 10, "q"],
      ["quinn", 500, "limit"],
    ] as const) {
      const err = await withUser(desk, (db) =>
        rpc(db, "search_clinic_records", { p_clinic_id: clinic.id, p_query: query, p_limit: limit }),
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(422);
      expect((err as AppError).fields).toHaveProperty(field);
    }
  });
});
