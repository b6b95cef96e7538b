// Test data factories: each test file builds its own clinics and people, so files run in parallel.
// They write through the owner connection (the system path), like seed data; tests then act as users.
import { randomUUID } from "node:crypto";
import { Pool } from "pg";
import type { SessionUser } from "@/lib/db/types";

let pool: Pool | undefined;

/** A pool connected as the database owner, for arranging data and for concurrency tests. */
export function testPool(): Pool {
  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 60 });
  return pool;
}

export async function closeTestPool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}

const uniq = () => randomUUID().slice(0, 8);

export interface TestUser extends SessionUser {
  name: string;
}

export async function createUser(
  opts: { email?: string; name?: string; verified?: boolean; locale?: "en" | "es" } = {},
): Promise<TestUser> {
  const email = opts.email ?? `user-${uniq()}@example.test`;
  const name = opts.name ?? `User ${uniq()}`;
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.users (name, email, email_verified, locale) values ($1, $2, $3, $4) returning id",
    [name, email, opts.verified ?? true, opts.locale ?? "en"],
  );
  return { userId: rows[0]!.id, email, name };
}

export interface TestClinic {
  id: string;
  slug: string;
  timeZone: string;
  owner: TestUser;
}

export async function createClinic(
  opts: { timeZone?: string; name?: string; owner?: TestUser; email?: string } = {},
): Promise<TestClinic> {
  const owner = opts.owner ?? (await createUser());
  const slug = `clinic-${uniq()}`;
  const timeZone = opts.timeZone ?? "Europe/Madrid";
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.clinics (slug, name, time_zone, currency, email) values ($1, $2, $3, 'EUR', $4) returning id",
    [slug, opts.name ?? `Clinic ${slug}`, timeZone, opts.email ?? null],
  );
  const id = rows[0]!.id;
  await testPool().query("insert into public.clinic_memberships (clinic_id, user_id, role) values ($1, $2, 'owner')", [
    id,
    owner.userId,
  ]);
  return { id, slug, timeZone, owner };
}

export async function addStaff(
  clinicId: string,
  role: "owner" | "admin" | "vet" | "receptionist",
  user?: TestUser,
): Promise<TestUser> {
  const u = user ?? (await createUser());
  await testPool().query("insert into public.clinic_memberships (clinic_id, user_id, role) values ($1, $2, $3)", [
    clinicId,
    u.userId,
    role,
  ]);
  return u;
}

export interface TestClient {
  id: string;
  clinicId: string;
  user?: TestUser;
}

export async function createClient(
  clinicId: string,
  opts: { user?: TestUser | null; name?: string } = {},
): Promise<TestClient> {
  const user = opts.user === null ? undefined : (opts.user ?? (await createUser()));
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.clients (clinic_id, user_id, full_name, email) values ($1, $2, $3, $4) returning id",
    [clinicId, user?.userId ?? null, opts.name ?? user?.name ?? `Client ${uniq()}`, user?.email ?? null],
  );
  return { id: rows[0]!.id, clinicId, user };
}

export async function createPet(
  clinicId: string,
  clientId: string,
  opts: { name?: string; species?: string } = {},
): Promise<{ id: string }> {
  const { rows } = await testPool().query<{ id: string }>(
    "insert into public.pets (clinic_id, client_id, name, species) values ($1, $2, $3, $4) returning id",
    [clinicId, clientId, opts.name ?? `Pet ${uniq()}`, opts.species ?? "dog"],
  );
  return { id: rows[0]!.id };
}
