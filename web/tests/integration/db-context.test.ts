// The request context: withUser runs as `authenticated` with the user's claims, asSystem as the owner,
// failures roll back, SQL errors become AppErrors, and nothing set for one request leaks into the next.
import { afterAll, describe, expect, it } from "vitest";
import { asAnonymous, asSystem, withUser } from "@/lib/db/context";
import { closePool, getPool } from "@/lib/db/pool";
import { AppError } from "@/lib/errors";
import { closeTestPool, createClinic, createUser, testPool } from "../helpers/factories";
import { caught } from "../helpers/rejections";

afterAll(async () => {
  await closePool();
  await closeTestPool();
});

interface Who extends Record<string, unknown> {
  pid: number;
  role: string;
  user_id: string | null;
  claims: string | null;
}
const WHO = `select pg_backend_pid() as pid, current_user as role, private.current_user_id() as user_id,
                    current_setting('request.jwt.claims', true) as claims`;

async function ownerRole(): Promise<string> {
  const { rows } = await testPool().query<{ role: string }>("select current_user as role");
  return rows[0]?.role ?? "";
}

describe("withUser / asAnonymous / asSystem", () => {
  it("runs withUser as role authenticated with the user's claims", async () => {
    const user = await createUser();
    const who = await withUser(user, async (db) => (await db.query<Who>(WHO)).rows[0]);
    expect(who?.role).toBe("authenticated");
    expect(who?.user_id).toBe(user.userId);
    expect(JSON.parse(who?.claims ?? "{}")).toMatchObject({ sub: user.userId, role: "authenticated" });
  });

  it("applies row level security under withUser: a user sees only their own users row", async () => {
    const [me] = [await createUser(), await createUser()];
    const rows = await withUser(me, async (db) => (await db.query<{ id: string }>("select id from public.users")).rows);
    expect(rows.map((r) => r.id)).toEqual([me.userId]);
  });

  it("runs asAnonymous as role anon with no user", async () => {
    const who = await asAnonymous(async (db) => (await db.query<Who>(WHO)).rows[0]);
    expect(who?.role).toBe("anon");
    expect(who?.user_id).toBeNull();
  });

  it("runs asSystem as the owner role, without claims", async () => {
    const who = await asSystem(async (db) => (await db.query<Who>(WHO)).rows[0]);
    expect(who?.role).toBe(await ownerRole());
    expect(who?.user_id).toBeNull();
  });

  it("rolls back every write when fn throws", async () => {
    const email = `rollback-${Date.now()}@example.test`;
    const err = await caught(
      asSystem(async (db) => {
        await db.query("insert into public.users (name, email) values ('Gone', $1)", [email]);
        throw new Error("boom after the write");
      }),
    );
    expect((err as Error).message).toBe("boom after the write");
    const { rowCount } = await testPool().query("select 1 from public.users where email = $1", [email]);
    expect(rowCount).toBe(0);
  });

  it("does not leak claims or role to the next transaction on the same pooled connection", async () => {
    const user = await createUser();
    const inUser = await withUser(user, async (db) => (await db.query<Who>(WHO)).rows[0]);
    // the pool hands out its most recently released idle client first, so this is the same connection
    const next = await asSystem(async (db) => (await db.query<Who>(WHO)).rows[0]);
    expect(next?.pid).toBe(inUser?.pid);
    expect(next?.role).toBe(await ownerRole());
    expect(next?.user_id).toBeNull();
    expect(next?.claims ?? "").toBe("");
  });

  it("does not leak claims after a withUser call that failed", async () => {
    const user = await createUser();
    let pid = 0;
    await caught(
      withUser(user, async (db) => {
        pid = (await db.query<Who>(WHO)).rows[0]?.pid ?? 0;
        await db.query("select 1 / 0");
      }),
    );
    const next = await asSystem(async (db) => (await db.query<Who>(WHO)).rows[0]);
    expect(next?.pid).toBe(pid);
    expect(next?.user_id).toBeNull();
    expect(next?.role).toBe(await ownerRole());
  });

  it("keeps working after a connection dies inside a transaction", async () => {
    const err = await caught(
      asSystem(async (db) => {
        const { rows } = await db.query<{ pid: number }>("select pg_backend_pid() as pid");
        await testPool().query("select pg_terminate_backend($1)", [rows[0]?.pid]);
        await db.query("select 1");
      }),
    );
    expect(err).toBeInstanceOf(Error);
    for (let i = 0; i < 3; i++) {
      const who = await asSystem(async (db) => (await db.query<Who>(WHO)).rows[0]);
      expect(who?.role).toBe(await ownerRole());
    }
    expect(getPool().totalCount).toBeGreaterThan(0);
  });
});

describe("SQL errors become AppErrors", () => {
  it("turns a VT409 raise into status 409 with the snake_case message as an upper-case code", async () => {
    const err = await caught(
      asSystem((db) =>
        db.query(`do $$ begin
          raise exception 'slot_taken' using errcode = 'VT409', detail = 'That time was just booked by someone else.', column = 'startsAt';
        end $$`),
      ),
    );
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe("SLOT_TAKEN");
    expect(e.status).toBe(409);
    expect(e.message).toBe("That time was just booked by someone else.");
    expect(e.fields).toEqual({ startsAt: ["That time was just booked by someone else."] });
  });

  it("uses the status from any VTnnn code and a readable message when there is no detail", async () => {
    const err = await caught(
      asSystem((db) => db.query("do $$ begin raise exception 'insufficient_stock' using errcode = 'VT422'; end $$")),
    );
    expect(err).toMatchObject({ code: "INSUFFICIENT_STOCK", status: 422, message: "Insufficient stock." });
  });

  it("treats a VTnnn code outside 400-599 as a server error instead of an invalid HTTP status", async () => {
    for (const code of ["VT200", "VT999", "VT000"]) {
      const err = await caught(
        asSystem((db) => db.query(`do $$ begin raise exception 'odd_status' using errcode = '${code}'; end $$`)),
      );
      expect(err, code).toMatchObject({ code: "ODD_STATUS", status: 500 });
    }
  });

  it("maps a unique violation on a mapped constraint to its code and field", async () => {
    const clinic = await createClinic();
    const err = await caught(
      asSystem((db) =>
        db.query("insert into public.clinics (slug, name, time_zone, currency) values ($1, 'Dup', 'UTC', 'EUR')", [
          clinic.slug,
        ]),
      ),
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "ALREADY_EXISTS",
      status: 409,
      fields: { slug: ["That clinic address is already taken."] },
    });
  });

  it("maps an unmapped unique violation to ALREADY_EXISTS and a bad uuid to INVALID_INPUT", async () => {
    const user = await createUser();
    const dup = await caught(
      asSystem((db) => db.query("insert into public.users (name, email) values ('Dup', $1)", [user.email])),
    );
    expect(dup).toMatchObject({ code: "ALREADY_EXISTS", status: 409 });
    const bad = await caught(asSystem((db) => db.query("select 1 from public.users where id = $1", ["not-a-uuid"])));
    expect(bad).toMatchObject({ code: "INVALID_INPUT", status: 422 });
  });

  it("maps permission denied under withUser to FORBIDDEN", async () => {
    const user = await createUser();
    const err = await caught(withUser(user, (db) => db.query("delete from public.sessions")));
    expect(err).toMatchObject({ code: "FORBIDDEN", status: 403 });
  });
});
