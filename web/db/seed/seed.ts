// Demo data for `npm start`: one clinic with an owner, two vets, a receptionist and a client with two pets.
// Idempotent: every insert is keyed on a natural key, so running it again changes nothing.
import { hashPassword } from "better-auth/crypto";
import { Client } from "pg";
import { seedAppointments } from "./seed-appointments";
import { seedVisits } from "./seed-visits";
import { seedPrescriptions, seedVaccinations } from "./seed-clinical";
import { seedBilling } from "./seed-billing";
import { seedInvoices } from "./seed-invoices";

export const DEMO_PASSWORD = "vete-demo-2026";
export const DEMO_CLINIC_SLUG = "demo";

export const demoUsers = [
  { email: "owner@demo.vete.test", name: "Olivia Owner", role: "owner" },
  { email: "vet@demo.vete.test", name: "Dr. Victor Vet", role: "vet" },
  { email: "vet2@demo.vete.test", name: "Dr. Sofia Salud", role: "vet" },
  { email: "reception@demo.vete.test", name: "Rita Reception", role: "receptionist" },
  { email: "client@demo.vete.test", name: "Carla Client", role: "client" },
] as const;

async function upsertUser(db: Client, email: string, name: string, passwordHash: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.users (name, email, email_verified) values ($1, $2, true)
     on conflict (email) do update set email = excluded.email returning id`,
    [name, email],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error(`could not upsert ${email}`);
  const account = await db.query("select 1 from public.accounts where user_id = $1 and provider_id = 'credential'", [
    id,
  ]);
  if (account.rowCount === 0) {
    await db.query(
      "insert into public.accounts (user_id, account_id, provider_id, password) values ($1, $2, 'credential', $3)",
      [id, id, passwordHash],
    );
  }
  return id;
}

export async function seedDemo(connectionString: string): Promise<void> {
  const db = new Client({ connectionString, application_name: "vete-seed" });
  await db.connect();
  try {
    await db.query("begin");
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const { rows } = await db.query<{ id: string }>(
      `insert into public.clinics (slug, name, time_zone, currency, default_locale, email, phone, address)
       values ($1, 'Vete Demo Clinic', 'Europe/Madrid', 'EUR', 'en', 'hello@demo.vete.test', '+34 910 000 000', 'Calle Mayor 1, Madrid')
       on conflict (slug) do update set slug = excluded.slug returning id`,
      [DEMO_CLINIC_SLUG],
    );
    const clinicId = rows[0]?.id;
    if (!clinicId) throw new Error("could not upsert the demo clinic");
    for (const u of demoUsers) {
      const userId = await upsertUser(db, u.email, u.name, passwordHash);
      if (u.role === "client") {
        const client = await db.query<{ id: string }>(
          `insert into public.clients (clinic_id, user_id, full_name, email, phone)
           values ($1, $2, $3, $4, '+34 600 000 001')
           on conflict (clinic_id, user_id) do update set full_name = public.clients.full_name returning id`,
          [clinicId, userId, u.name, u.email],
        );
        const clientId = client.rows[0]?.id;
        const hasPets = await db.query("select 1 from public.pets where client_id = $1", [clientId]);
        if (hasPets.rowCount === 0) {
          await db.query(
            `insert into public.pets (clinic_id, client_id, name, species, breed, sex, birth_date, weight_grams)
             values ($1, $2, 'Luna', 'dog', 'Border Collie', 'female_spayed', '2021-04-12', 17500),
                    ($1, $2, 'Milo', 'cat', 'European Shorthair', 'male_neutered', '2019-09-03', 4800)`,
            [clinicId, clientId],
          );
        }
      } else {
        await db.query(
          `insert into public.clinic_memberships (clinic_id, user_id, role) values ($1, $2, $3)
           on conflict (clinic_id, user_id) do nothing`,
          [clinicId, userId, u.role],
        );
      }
    }
    await seedAppointments(db, clinicId);
    await seedVisits(db, clinicId);
    await seedPrescriptions(db, clinicId);
    await seedVaccinations(db, clinicId);
    await seedBilling(db, clinicId);
    await seedInvoices(db, clinicId);
    await db.query("commit");
  } catch (err) {
    await db.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}
