// The front-desk lookup against the real database and over HTTP: what matches (names by prefix, word and
// fragment; phone digits however typed; email in any case; a microchip exactly) and in which order; staff of
// another clinic and clients get nothing; bad input is a 422 naming the field.
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

  it("finds a phone by its digits however it was stored or typed", async () => {
    for (const q of ["611 22 33", "+34611223344", "611-223", "(600) 555", "6005550101"]) {
      const rs = await search(q);
      expect(
        rs.map((r) => r.id),
        q,
      ).toEqual([q.includes("600") ? ids.marta : ids.quinn]);
    }
  });

  it("finds an email in any case, the exact address first", async () => {
    expect((await search("QUINN.ADAMS@LOOKUP-MAIL.TEST")).map((r) => r.id)).toEqual([ids.quinn]);
    expect((await search("Lookup-Mail")).map((r) => r.id).sort()).toEqual([ids.marta, ids.quinn].sort());
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

describe("tenant isolation", () => {
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
    expect((own.body.items as LookupResult[]).map((r) => r.id)).toEqual([ids.otherQuinn]);
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
