// Moving a client record to another account: a receptionist (or vet) who changes a linked client's email
// and links again is refused, and the real client keeps the record; an owner or admin may move it, which
// leaves an audit row and a notice to the previous account. Real database, as each role.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getMyClientProfile } from "@/lib/clients/get-my-client-profile";
import { linkClientUser } from "@/lib/clients/link-client-user";
import { updateClient } from "@/lib/clients/update-client";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { renderMessage } from "@/lib/notifications/render";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  createUser,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";

let clinic: TestClinic;
let receptionist: TestUser;
let vet: TestUser;
let admin: TestUser;

beforeAll(async () => {
  clinic = await createClinic({ name: "Vete Norte" });
  receptionist = await addStaff(clinic.id, "receptionist");
  vet = await addStaff(clinic.id, "vet");
  admin = await addStaff(clinic.id, "admin");
});

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

/** A client with a login and a pet, and another verified account the record could be moved to. */
async function linkedClientAndOtherAccount() {
  const real = await createUser({ locale: "es" });
  const client = await createClient(clinic.id, { user: real });
  await createPet(clinic.id, client.id, { name: "Rex" });
  const other = await createUser({ email: `other-${randomUUID()}@example.test` });
  const scope = { clinicId: clinic.id, clientId: client.id };
  return { real, client, other, scope };
}

const ownerOfRecord = async (clientId: string) =>
  (await testPool().query<{ user_id: string }>("select user_id from public.clients where id = $1", [clientId])).rows[0]
    ?.user_id;

describe("linking a client record that already has an account", () => {
  it("refuses a receptionist or vet who repoints the email and links again; the real client keeps the record", async () => {
    const { real, client, other, scope } = await linkedClientAndOtherAccount();
    for (const staff of [receptionist, vet]) {
      await expect(
        withUser(staff, async (db) => {
          await updateClient(db, scope, { email: other.email });
          return linkClientUser(db, scope);
        }),
      ).rejects.toMatchObject({ code: "CLIENT_ALREADY_LINKED", status: 403 });
    }
    expect(await ownerOfRecord(client.id)).toBe(real.userId);
    expect((await withUser(real, (db) => getMyClientProfile(db, { clinicId: clinic.id }))).id).toBe(client.id);
    const { rows } = await testPool().query("select 1 from public.client_account_links where client_id = $1", [
      client.id,
    ]);
    expect(rows).toEqual([]);
  });

  it("lets an admin move it, with an audit row and a notice to the previous account in its language", async () => {
    const { real, client, other, scope } = await linkedClientAndOtherAccount();
    const moved = await withUser(admin, async (db) => {
      await updateClient(db, scope, { email: other.email });
      return linkClientUser(db, scope);
    });
    expect(moved.userId).toBe(other.userId);

    const audit = await withUser(clinic.owner, (db) =>
      db.query(
        "select previous_user_id, new_user_id, linked_by from public.client_account_links where client_id = $1",
        [client.id],
      ),
    );
    expect(audit.rows).toEqual([{ previous_user_id: real.userId, new_user_id: other.userId, linked_by: admin.userId }]);
    const hidden = await withUser(receptionist, (db) =>
      db.query("select 1 from public.client_account_links where client_id = $1", [client.id]),
    );
    expect(hidden.rows).toEqual([]);

    const { rows } = await testPool().query<{
      recipient: string;
      user_id: string;
      locale: "en" | "es";
      payload: Record<string, unknown>;
    }>(
      "select recipient, user_id, locale, payload from public.outbox_messages where template = 'client.account_relinked' and user_id = $1",
      [real.userId],
    );
    expect(rows).toHaveLength(1);
    const notice = rows[0]!;
    expect(notice).toMatchObject({ recipient: real.email, locale: "es" });
    expect(JSON.stringify(notice.payload)).not.toContain(other.email);
    const text = renderMessage("client.account_relinked", notice.locale, notice.payload, {
      appUrl: "https://vete.example",
    }).text;
    expect(text).toContain("Vete Norte");
    expect(text).toContain(`https://vete.example/${clinic.slug}`);
  });

  it("still lets any staff link a record that has no account yet (audited, no notice), and relinking the same account is a no-op", async () => {
    const person = await createUser();
    const client = await createClient(clinic.id, { user: null });
    await testPool().query("update public.clients set email = $2 where id = $1", [client.id, person.email]);
    const scope = { clinicId: clinic.id, clientId: client.id };
    expect((await withUser(receptionist, (db) => linkClientUser(db, scope))).userId).toBe(person.userId);
    expect((await withUser(receptionist, (db) => linkClientUser(db, scope))).userId).toBe(person.userId);
    const { rows } = await testPool().query<{ previous_user_id: string | null }>(
      "select previous_user_id from public.client_account_links where client_id = $1",
      [client.id],
    );
    expect(rows).toEqual([{ previous_user_id: null }]);
  });
});
