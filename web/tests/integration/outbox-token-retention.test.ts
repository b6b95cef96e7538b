// Live tokens and old bodies do not stay in the outbox: once a reset, verification or invitation mail has
// gone to the (stand-in) provider, its link is gone from the stored row; delivered bodies are purged after
// the retention period; and whatever a clinic calls itself, the subject the provider receives is one line.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closePool } from "@/lib/db/pool";
import { rpc } from "@/lib/db/rpc";
import { withUser } from "@/lib/db/context";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import type { Providers } from "@/lib/notifications/providers";
import { resendEmailSender } from "@/lib/notifications/send-email-resend";
import "@/lib/clinics/rpc-types";
import { closeTestPool, createClinic, testPool } from "../helpers/factories";
import { callAuth, newAccount } from "../helpers/auth-http";
import { useStandInDatabase } from "../helpers/stand-in-database";
import { startStandIn, type StandIn } from "../helpers/stand-in-provider";

let resend: StandIn;

const viaResend = (devMailbox = false): Providers => ({
  email: devMailbox
    ? null
    : resendEmailSender({
        apiKey: "re_test",
        baseUrl: resend.url,
        from: "Vete <no-reply@vete.test>",
        timeoutMs: 2_000,
      }),
  sms: null,
  devMailbox,
});

beforeAll(async () => {
  await useStandInDatabase("outbox_tokens");
  resend = await startStandIn();
});

afterAll(async () => {
  await resend.close();
  await closePool();
  await closeTestPool();
});

async function storedRow(recipient: string, template: string) {
  const { rows } = await testPool().query<{ id: string; status: string; payload: Record<string, unknown> }>(
    "select id, status, payload from public.outbox_messages where lower(recipient) = lower($1) and template = $2",
    [recipient, template],
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function requestReset(): Promise<string> {
  const acct = newAccount();
  await callAuth("/sign-up/email", { body: acct });
  await testPool().query("update public.users set email_verified = true where email = $1", [acct.email]);
  await callAuth("/request-password-reset", { body: { email: acct.email, redirectTo: "/reset-password" } });
  return acct.email;
}

describe("live tokens in the outbox", () => {
  it("removes the reset and verification links from the stored rows once the provider has them", async () => {
    const email = await requestReset();
    const before = await storedRow(email, "auth.reset_password");
    const link = String(before.payload.url);
    expect(link).toContain("/reset-password/");

    await deliverOutbox(30_000, { providers: viaResend(), random: () => 0.5 });

    const sentBody = resend.requests.find((r) => r.to === email && r.body.includes("/reset-password/"))?.body ?? "";
    expect(sentBody).toContain(link);
    for (const template of ["auth.reset_password", "auth.verify_email"]) {
      const after = await storedRow(email, template);
      expect(after.status).toBe("sent");
      expect(after.payload).not.toHaveProperty("url");
      expect(after.payload).toMatchObject({ redacted: true });
    }
    const { rows } = await testPool().query("select 1 from public.outbox_messages where payload::text like $1", [
      `%${link.split("/").pop()}%`,
    ]);
    expect(rows).toHaveLength(0);
  });

  it("removes the invitation link once sent, and the subject the provider gets is one line", async () => {
    const clinic = await createClinic({ name: "Paws\r\nBcc: everyone@example.test" });
    const invitee = `invitee-${randomUUID().slice(0, 8)}@example.test`;
    await withUser(clinic.owner, (db) =>
      rpc(db, "invite_staff", { p_clinic_id: clinic.id, p_email: invitee, p_role: "vet" }),
    );
    expect(String((await storedRow(invitee, "staff_invitation")).payload.path)).toMatch(/^\/invitations\/[0-9a-f]+$/);

    await deliverOutbox(30_000, { providers: viaResend(), random: () => 0.5 });

    const sent = resend.requests.find((r) => r.to === invitee);
    const subject = (JSON.parse(sent?.body ?? "{}") as { subject?: string }).subject ?? "";
    expect(subject).toBe("You're invited to join Paws Bcc: everyone@example.test");
    expect(subject).not.toMatch(/[\r\n]/);
    const after = await storedRow(invitee, "staff_invitation");
    expect(after.status).toBe("sent");
    expect(after.payload).not.toHaveProperty("path");
    expect(after.payload.clinic_name).toBe("Paws\r\nBcc: everyone@example.test");
  });

  it("keeps the link where the dev mailbox is the delivery (local demo only)", async () => {
    const email = await requestReset();
    await deliverOutbox(30_000, { providers: viaResend(true), random: () => 0.5 });
    const after = await storedRow(email, "auth.reset_password");
    expect(after.status).toBe("sent");
    expect(String(after.payload.url)).toContain("/reset-password/");
  });
});

describe("retention", () => {
  it("purges the bodies of messages delivered longer ago than the retention period, and only those", async () => {
    const oldEmail = await requestReset();
    const recentEmail = await requestReset();
    await deliverOutbox(30_000, { providers: viaResend(true), random: () => 0.5 });
    await testPool().query(
      "update public.outbox_messages set sent_at = now() - interval '31 days' where lower(recipient) = lower($1)",
      [oldEmail],
    );
    const pending = `pending-${randomUUID().slice(0, 8)}@example.test`;
    await testPool().query(
      `insert into public.outbox_messages (channel, recipient, template, payload, dedupe_key, created_at, next_attempt_at)
       values ('email', $1, 'auth.reset_password', '{"name":"P","url":"/r/1"}', $2, now() - interval '40 days', now() + interval '1 day')`,
      [pending, `test:${randomUUID()}`],
    );

    const summary = await deliverOutbox(30_000, { providers: viaResend(true), random: () => 0.5, retentionDays: 30 });

    expect((await storedRow(oldEmail, "auth.reset_password")).payload).toEqual({ purged: true });
    expect((await storedRow(oldEmail, "auth.verify_email")).payload).toEqual({ purged: true });
    expect((await storedRow(recentEmail, "auth.reset_password")).payload).toHaveProperty("url");
    // Not yet delivered: kept whatever its age.
    expect((await storedRow(pending, "auth.reset_password")).payload).toHaveProperty("url");
    expect(summary.details).toMatchObject({ purged: 2 });
  });
});
