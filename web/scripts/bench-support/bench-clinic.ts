// The data both booking benchmarks start from: one clinic with vets who work every day (08:00-13:00 and
// 14:00-20:00 local time), one 30-minute service with a 10-minute buffer that they all perform, booking rules
// that admit any start from now to two years ahead, and clients with one pet each.
import type { Client, Pool } from "pg";

export const BENCH_TZ = "Europe/Madrid";
export const SERVICE_MINUTES = 30;
export const BUFFER_AFTER_MINUTES = 10;

export interface BenchOwner {
  userId: string;
  clientId: string;
  petId: string;
  email: string;
}

export interface BenchClinic {
  clinicId: string;
  slug: string;
  serviceId: string;
  vetIds: string[];
  owners: BenchOwner[];
}

/**
 * Creates the clinic. With `passwordHash` every owner also gets an email + password login (the HTTP
 * benchmark signs them in); without it owners are bare users (the SQL benchmark sets their claims itself).
 */
export async function createBenchClinic(
  db: Client,
  opts: { slug: string; vets: number; owners: number; passwordHash?: string },
): Promise<BenchClinic> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0] as T;
  const { id: clinicId } = await one<{ id: string }>(
    `insert into public.clinics (slug, name, time_zone, currency) values ($1, 'Bench', $2, 'EUR') returning id`,
    [opts.slug, BENCH_TZ],
  );
  await db.query(
    // max_open_appointments_per_pet: the benchmarks' pets already hold ~20 upcoming visits each
    `update public.clinic_booking_rules set min_notice_minutes = 0, max_days_ahead = 730, slot_granularity_minutes = 15,
       max_open_appointments_per_pet = 50
     where clinic_id = $1`,
    [clinicId],
  );
  const { id: serviceId } = await one<{ id: string }>(
    `insert into public.services (clinic_id, name, duration_minutes, buffer_after_minutes) values ($1, 'Check-up', $2, $3) returning id`,
    [clinicId, SERVICE_MINUTES, BUFFER_AFTER_MINUTES],
  );
  await db.query(
    `with u as (insert into public.users (name, email, email_verified) select 'Vet ' || g, $2 || '-vet' || g || '@bench.test', true from generate_series(1, $3) g returning id)
     insert into public.clinic_memberships (clinic_id, user_id, role) select $1, id, 'vet' from u`,
    [clinicId, opts.slug, opts.vets],
  );
  const vetIds = (
    await db.query<{ user_id: string }>(
      `select user_id from public.clinic_memberships where clinic_id = $1 and role = 'vet' order by user_id`,
      [clinicId],
    )
  ).rows.map((r) => r.user_id);
  await db.query(`insert into public.service_vets (clinic_id, service_id, vet_id) select $1, $2, unnest($3::uuid[])`, [
    clinicId,
    serviceId,
    vetIds,
  ]);
  await db.query(
    `insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time)
     select $1, v, d, t.s, t.e from unnest($2::uuid[]) v, generate_series(1, 7) d, (values (time '08:00', time '13:00'), (time '14:00', time '20:00')) t(s, e)`,
    [clinicId, vetIds],
  );
  await db.query(
    `with u as (insert into public.users (name, email, email_verified) select 'Owner ' || g, $2 || '-owner' || g || '@bench.test', true from generate_series(1, $3) g returning id, name, email),
     a as (insert into public.accounts (user_id, account_id, provider_id, password) select id, id, 'credential', $4 from u where $4::text is not null),
     c as (insert into public.clients (clinic_id, user_id, full_name, email) select $1, id, name, email from u returning id)
     insert into public.pets (clinic_id, client_id, name, species) select $1, id, 'Pet', 'dog' from c`,
    [clinicId, opts.slug, opts.owners, opts.passwordHash ?? null],
  );
  const owners = (
    await db.query<BenchOwner>(
      `select c.user_id as "userId", c.id as "clientId", p.id as "petId", c.email
       from public.clients c join public.pets p on p.client_id = c.id where c.clinic_id = $1 order by c.full_name`,
      [clinicId],
    )
  ).rows;
  return { clinicId, slug: opts.slug, serviceId, vetIds, owners };
}

/**
 * `n` distinct free starts from `firstDay` days ahead: 8 per vet and day from 14:00 local, 45 minutes apart so
 * buffers never collide; consecutive starts go to different vets, as concurrent bookings usually do (writers of
 * the same vet and day queue behind one advisory lock). Start k and k + m share a time only when m < vets, so
 * giving start k to owner k % owners with owners >= vets never books one pet twice at once.
 */
export async function distinctSlots(
  db: Client | Pool,
  clinic: BenchClinic,
  firstDay: number,
  n: number,
): Promise<{ at: Date; vetId: string }[]> {
  const { rows } = await db.query<{ t: Date; v: string }>(
    `select ((now() at time zone $1)::date + $2::int + (k / (8 * $4::int)) + time '14:00' + (((k / $4::int) % 8) * interval '45 minutes')) at time zone $1 as t,
            ($3::uuid[])[1 + k % $4::int] as v
     from generate_series(0, $5::int - 1) k`,
    [BENCH_TZ, firstDay, clinic.vetIds, clinic.vetIds.length, n],
  );
  return rows.map((r) => ({ at: r.t, vetId: r.v }));
}
