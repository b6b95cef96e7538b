import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { acceptInvitation } from "@/lib/clinics/accept-invitation";
import { inviteStaff } from "@/lib/clinics/invite-staff";
import { listInvitations } from "@/lib/clinics/list-invitations";
import { listStaff } from "@/lib/clinics/list-staff";
import { removeStaff } from "@/lib/clinics/remove-staff";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { addStaff, closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";
import { errorOf } from "../helpers/rejections";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** The token travels only inside the mailed link; tests read it where the person would: the outbox. */
async function mailedToken(invitationId: string): Promise<{ token: string; recipient: string }> {
  const { rows } = await testPool().query<{ payload: { path: string }; recipient: string }>(
    "select payload, recipient from public.outbox_messages where dedupe_key = $1",
    [`staff_invitation:${invitationId}`],
  );
  const row = rows[0];
  if (!row) throw new Error("no invitation mail in the outbox");
  const token = /^\/invitations\/([0-9a-f]{64})$/.exec(row.payload.path)?.[1];
  if (!token) throw new Error(`unexpected invitation path ${row.payload.path}`);
  return { token, recipient: row.recipient };
}

describe("inviteStaff", () => {
  it("writes the mail to the outbox and stores only the token's hash", async () => {
    const clinic = await createClinic();
    const email = `new-vet-${Date.now()}@example.test`;
    const invitation = await withUser(clinic.owner, (db) => inviteStaff(db, clinic.id, { email, role: "vet" }));
    expect(invitation).toMatchObject({ email, role: "vet" });
    const { token, recipient } = await mailedToken(invitation.id);
    expect(recipient).toBe(email);
    const { rows } = await testPool().query(
      "select to_jsonb(i) as row from public.clinic_invitations i where id = $1",
      [invitation.id],
    );
    const stored = JSON.stringify(rows[0]?.row);
    expect(stored).toContain(sha256(token));
    expect(stored).not.toContain(token.slice(0, 32));
    const pending = await withUser(clinic.owner, (db) => listInvitations(db, clinic.id));
    expect(pending.map((p) => p.email)).toEqual([email]);
    expect(JSON.stringify(pending)).not.toContain(token);
  });

  it.each(["vet", "receptionist"] as const)("refuses a %s (FORBIDDEN) and mails nothing", async (role) => {
    const clinic = await createClinic();
    const member = await addStaff(clinic.id, role);
    const err = await errorOf(
      withUser(member, (db) => inviteStaff(db, clinic.id, { email: "someone@example.test", role: "vet" })),
    );
    expect(err.code).toBe("FORBIDDEN");
    const { rowCount } = await testPool().query("select 1 from public.clinic_invitations where clinic_id = $1", [
      clinic.id,
    ]);
    expect(rowCount).toBe(0);
  });

  it("lets an admin invite a vet but not an owner", async () => {
    const clinic = await createClinic();
    const admin = await addStaff(clinic.id, "admin");
    await expect(
      withUser(admin, (db) => inviteStaff(db, clinic.id, { email: "vet2@example.test", role: "vet" })),
    ).resolves.toMatchObject({ role: "vet" });
    const err = await errorOf(
      withUser(admin, (db) => inviteStaff(db, clinic.id, { email: "boss@example.test", role: "owner" })),
    );
    expect(err.code).toBe("FORBIDDEN");
  });

  it("refuses to invite someone already on the team, naming the email field", async () => {
    const clinic = await createClinic();
    const vet = await addStaff(clinic.id, "vet");
    const err = await errorOf(
      withUser(clinic.owner, (db) => inviteStaff(db, clinic.id, { email: vet.email.toUpperCase(), role: "admin" })),
    );
    expect(err.code).toBe("ALREADY_MEMBER");
    expect(err.fields).toHaveProperty("email");
  });
});

describe("acceptInvitation", () => {
  async function invite(role: "vet" | "admin" = "vet") {
    const clinic = await createClinic();
    const invitee = await createUser();
    const invitation = await withUser(clinic.owner, (db) => inviteStaff(db, clinic.id, { email: invitee.email, role }));
    const { token } = await mailedToken(invitation.id);
    return { clinic, invitee, invitation, token };
  }

  it("accepts when the invitation's email differs from the account's only in letter case", async () => {
    const clinic = await createClinic();
    const invitee = await createUser({ email: `Mixed.Case-${Date.now()}@Example.test` });
    const invitation = await withUser(clinic.owner, (db) =>
      inviteStaff(db, clinic.id, { email: invitee.email.toLowerCase(), role: "vet" }),
    );
    const { token } = await mailedToken(invitation.id);
    await expect(withUser(invitee, (db) => acceptInvitation(db, token))).resolves.toMatchObject({ role: "vet" });
  });

  it("refuses a person signed in with another email address", async () => {
    const { clinic, token } = await invite();
    const stranger = await createUser();
    const err = await errorOf(withUser(stranger, (db) => acceptInvitation(db, token)));
    expect(err.code).toBe("INVITATION_WRONG_ACCOUNT");
    const { rowCount } = await testPool().query(
      "select 1 from public.clinic_memberships where clinic_id = $1 and user_id = $2",
      [clinic.id, stranger.userId],
    );
    expect(rowCount).toBe(0);
  });

  it("makes the invited person a member with the invited role", async () => {
    const { clinic, invitee, token } = await invite("admin");
    const accepted = await withUser(invitee, (db) => acceptInvitation(db, token));
    expect(accepted).toEqual({ clinicId: clinic.id, clinicSlug: clinic.slug, role: "admin" });
    const team = await withUser(clinic.owner, (db) => listStaff(db, clinic.id));
    expect(team.find((m) => m.userId === invitee.userId)).toMatchObject({ role: "admin", email: invitee.email });
    expect(await withUser(clinic.owner, (db) => listInvitations(db, clinic.id))).toEqual([]);
  });

  it("refuses an expired invitation", async () => {
    const { clinic, invitee, invitation, token } = await invite();
    await testPool().query(
      "update public.clinic_invitations set expires_at = now() - interval '1 minute' where id = $1",
      [invitation.id],
    );
    const err = await errorOf(withUser(invitee, (db) => acceptInvitation(db, token)));
    expect(err.code).toBe("INVITATION_INVALID");
    expect(err.status).toBe(404);
    const { rowCount } = await testPool().query(
      "select 1 from public.clinic_memberships where clinic_id = $1 and user_id = $2",
      [clinic.id, invitee.userId],
    );
    expect(rowCount).toBe(0);
  });

  it("refuses a made-up token", async () => {
    const user = await createUser();
    const err = await errorOf(withUser(user, (db) => acceptInvitation(db, "0".repeat(64))));
    expect(err.code).toBe("INVITATION_INVALID");
  });
});

describe("removeStaff", () => {
  it("removes a vet when an admin asks", async () => {
    const clinic = await createClinic();
    const admin = await addStaff(clinic.id, "admin");
    const vet = await addStaff(clinic.id, "vet");
    await withUser(admin, (db) => removeStaff(db, clinic.id, vet.userId));
    const team = await withUser(clinic.owner, (db) => listStaff(db, clinic.id));
    expect(team.map((m) => m.userId).sort()).toEqual([admin.userId, clinic.owner.userId].sort());
  });

  it("refuses to remove the last owner", async () => {
    const clinic = await createClinic();
    const err = await errorOf(withUser(clinic.owner, (db) => removeStaff(db, clinic.id, clinic.owner.userId)));
    expect(err.code).toBe("LAST_OWNER");
    expect(err.status).toBe(409);
  });

  it("keeps exactly one owner when the two last owners remove each other at the same time", async () => {
    for (let round = 0; round < 5; round++) {
      const clinic = await createClinic();
      const second = await addStaff(clinic.id, "owner");
      const results = await Promise.allSettled([
        withUser(clinic.owner, (db) => removeStaff(db, clinic.id, second.userId)),
        withUser(second, (db) => removeStaff(db, clinic.id, clinic.owner.userId)),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected");
      expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(AppError);
      const { rows } = await testPool().query(
        "select count(*)::int as n from public.clinic_memberships where clinic_id = $1 and role = 'owner'",
        [clinic.id],
      );
      expect(rows[0]).toEqual({ n: 1 });
    }
  });

  it("refuses a vet removing anyone", async () => {
    const clinic = await createClinic();
    const vet = await addStaff(clinic.id, "vet");
    const receptionist = await addStaff(clinic.id, "receptionist");
    const err = await errorOf(withUser(vet, (db) => removeStaff(db, clinic.id, receptionist.userId)));
    expect(err.code).toBe("FORBIDDEN");
  });
});

describe("tenant isolation of the team", () => {
  it("staff of clinic A cannot list, invite into or remove from clinic B", async () => {
    const a = await createClinic();
    const b = await createClinic();
    const bVet = await addStaff(b.id, "vet");
    await withUser(b.owner, (db) => inviteStaff(db, b.id, { email: "pending-b@example.test", role: "vet" }));
    for (const attempt of [
      () => withUser(a.owner, (db) => listStaff(db, b.id)),
      () => withUser(a.owner, (db) => listInvitations(db, b.id)),
      () => withUser(a.owner, (db) => inviteStaff(db, b.id, { email: "spy@example.test", role: "owner" })),
      () => withUser(a.owner, (db) => removeStaff(db, b.id, bVet.userId)),
    ]) {
      expect((await errorOf(attempt())).code).toBe("FORBIDDEN");
    }
    const { rows } = await withUser(a.owner, (db) =>
      db.query("select count(*)::int as n from public.clinic_invitations where clinic_id = $1", [b.id]),
    );
    expect(rows[0]).toEqual({ n: 0 });
    expect((await withUser(b.owner, (db) => listStaff(db, b.id))).map((m) => m.userId)).toContain(bVet.userId);
  });

  it("a vet can list the team but not the invitations", async () => {
    const clinic = await createClinic();
    const vet = await addStaff(clinic.id, "vet");
    const team = await withUser(vet, (db) => listStaff(db, clinic.id));
    expect(team.map((m) => m.role)).toEqual(["owner", "vet"]);
    expect((await errorOf(withUser(vet, (db) => listInvitations(db, clinic.id)))).code).toBe("FORBIDDEN");
  });
});
