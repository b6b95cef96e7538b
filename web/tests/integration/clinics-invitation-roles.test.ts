// A pending invitation is only ever replaced by one of the same or a higher role: an admin cannot void an
// owner's pending owner invitation by inviting the same address lower. Real database, as each role.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/lib/clinics/accept-invitation";
import { inviteStaff } from "@/lib/clinics/invite-staff";
import { listInvitations } from "@/lib/clinics/list-invitations";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { addStaff, closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

async function mailedToken(invitationId: string): Promise<string> {
  const { rows } = await testPool().query<{ path: string }>(
    "select payload->>'path' as path from public.outbox_messages where dedupe_key = $1",
    [`staff_invitation:${invitationId}`],
  );
  const token = /^\/invitations\/([0-9a-f]{64})$/.exec(rows[0]?.path ?? "")?.[1];
  if (!token) throw new Error("no invitation mail in the outbox");
  return token;
}

describe("replacing a pending invitation", () => {
  it("refuses an admin's lower invitation over an owner's pending owner invitation, which stays valid", async () => {
    const clinic = await createClinic();
    const admin = await addStaff(clinic.id, "admin");
    const email = `partner-${randomUUID()}@example.test`;
    const ownerInvite = await withUser(clinic.owner, (db) => inviteStaff(db, clinic.id, { email, role: "owner" }));

    await expect(
      withUser(admin, (db) => inviteStaff(db, clinic.id, { email: email.toUpperCase(), role: "receptionist" })),
    ).rejects.toMatchObject({ code: "HIGHER_INVITATION_PENDING", status: 409, fields: { role: [expect.any(String)] } });
    await expect(withUser(admin, (db) => inviteStaff(db, clinic.id, { email, role: "admin" }))).rejects.toMatchObject({
      code: "HIGHER_INVITATION_PENDING",
    });

    const pending = await withUser(clinic.owner, (db) => listInvitations(db, clinic.id));
    expect(pending.filter((p) => p.email === email).map((p) => p.role)).toEqual(["owner"]);
    const partner = await createUser({ email });
    const accepted = await withUser(partner, async (db) => acceptInvitation(db, await mailedToken(ownerInvite.id)));
    expect(accepted.role).toBe("owner");
  });

  it("lets the same or a higher role replace a pending invitation (resend, promotion); vet and receptionist are peers", async () => {
    const clinic = await createClinic();
    const admin = await addStaff(clinic.id, "admin");
    const email = `helper-${randomUUID()}@example.test`;
    const first = await withUser(admin, (db) => inviteStaff(db, clinic.id, { email, role: "vet" }));
    const peer = await withUser(admin, (db) => inviteStaff(db, clinic.id, { email, role: "receptionist" }));
    const resent = await withUser(admin, (db) => inviteStaff(db, clinic.id, { email, role: "receptionist" }));
    const promoted = await withUser(clinic.owner, (db) => inviteStaff(db, clinic.id, { email, role: "admin" }));
    const pending = await withUser(clinic.owner, (db) => listInvitations(db, clinic.id));
    expect(pending.filter((p) => p.email === email).map((p) => p.role)).toEqual(["admin"]);
    const person = await createUser({ email });
    for (const old of [first, peer, resent])
      await expect(
        withUser(person, async (db) => acceptInvitation(db, await mailedToken(old.id))),
      ).rejects.toMatchObject({ code: "INVITATION_INVALID" });
    expect((await withUser(person, async (db) => acceptInvitation(db, await mailedToken(promoted.id)))).role).toBe(
      "admin",
    );
  });
});
