// Who may write outbox rows (each becomes an email or SMS from the platform's sender): only functions that
// check their caller. A signed-in user calling the outbox writer directly, or inserting a row, is refused and
// nothing is queued; the booking functions, which check the caller, still queue their messages.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { withUser } from "@/lib/db/context";
import { closePool } from "@/lib/db/pool";
import { closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

const countFor = async (recipient: string) =>
  (
    await testPool().query<{ n: number }>(
      "select count(*)::int as n from public.outbox_messages where recipient = $1",
      [recipient],
    )
  ).rows[0]?.n;

describe("writing outbox rows", () => {
  it("refuses a signed-in user who calls private.enqueue_message, and queues nothing", async () => {
    const clinic = await createClinic();
    const stranger = await createUser();
    const victim = `victim-${randomUUID()}@example.test`;
    for (const user of [stranger, clinic.owner]) {
      await expect(
        withUser(user, (db) =>
          db.query(
            `select private.enqueue_message($1, null, 'email', $2, 'staff_invitation', 'en',
               jsonb_build_object('clinic_name', 'Your bank', 'role', 'owner', 'path', '/phish'), $3)`,
            [clinic.id, victim, `phish:${user.userId}`],
          ),
        ),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      withUser(stranger, (db) =>
        db.query(
          "insert into public.outbox_messages (channel, recipient, template, dedupe_key) values ('email', $1, 'x', 'x')",
          [victim],
        ),
      ),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countFor(victim)).toBe(0);
  });

  it("lets no user role execute a security definer function in private that writes outbox rows without checking the caller", async () => {
    const { rows } = await testPool().query<{ fn: string }>(
      `select p.oid::regprocedure::text as fn
         from pg_catalog.pg_proc p
        where p.pronamespace = 'private'::regnamespace and p.prosecdef
          and p.prosrc ~* 'insert\\s+into\\s+public\\.outbox_messages'
          and p.prosrc !~ 'private\\.require_'
          and (pg_catalog.has_function_privilege('authenticated', p.oid, 'execute')
               or pg_catalog.has_function_privilege('anon', p.oid, 'execute'))`,
    );
    expect(rows.map((r) => r.fn)).toEqual([]);
  });
});
