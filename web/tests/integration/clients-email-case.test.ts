// Email matching between a client record and a login ignores letter case (citext), inside SQL functions
// that run with an empty search_path too.
import { afterAll, describe, expect, it } from "vitest";
import { linkClientUser } from "@/lib/clients/link-client-user";
import { registerAsClient } from "@/lib/clients/register-as-client";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addStaff, closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function staffMadeRecord(clinicId: string, email: string): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.clients (clinic_id, full_name, email) values ($1, 'Walk-in Person', $2) returning id",
    [clinicId, email],
  );
  return rows[0]!.id;
}

describe("matching client records to logins by email", () => {
  it("links a staff-made record when the person registers with a differently-cased verified email", async () => {
    const clinic = await createClinic();
    const tag = Math.random().toString(36).slice(2, 10);
    const recordId = await staffMadeRecord(clinic.id, `Walk.In-${tag}@Example.TEST`);
    const person = await createUser({ email: `walk.in-${tag}@example.test`, verified: true });

    const client = await withUser(person, (db) => registerAsClient(db, clinic.slug, {}));

    expect(client.id).toBe(recordId);
    const { rows } = await testPool().query("select count(*)::int as n from public.clients where clinic_id = $1", [
      clinic.id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it("lets staff link a record whose email differs from the login only in case", async () => {
    const clinic = await createClinic();
    const reception = await addStaff(clinic.id, "receptionist");
    const tag = Math.random().toString(36).slice(2, 10);
    const recordId = await staffMadeRecord(clinic.id, `LINK-${tag}@example.test`);
    const person = await createUser({ email: `link-${tag}@EXAMPLE.test`, verified: true });

    await withUser(reception, (db) => linkClientUser(db, { clinicId: clinic.id, clientId: recordId }));

    const { rows } = await testPool().query("select user_id from public.clients where id = $1", [recordId]);
    expect(rows[0].user_id).toBe(person.userId);
  });
});
