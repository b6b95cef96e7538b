// Demo clinical records: Luna has an active prescription with refills and two dispensings in the ledger, the
// clinic has a vaccine list, and the pets have vaccinations (Luna's rabies booster due soon). Idempotent:
// nothing is written for a pet that already has prescriptions (or vaccinations). Written as the database owner like
// the rest of the seed, so the ledger lines are inserted directly with the remaining quantity they left.
import type { Client } from "pg";

async function petId(db: Client, clinicId: string, name: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select p.id from public.pets p join public.clients c on c.id = p.client_id
      where p.clinic_id = $1 and p.name = $2 and c.email = 'client@demo.vete.test'`,
    [clinicId, name],
  );
  return rows[0]?.id;
}

async function userId(db: Client, email: string): Promise<{ id: string; name: string }> {
  const { rows } = await db.query<{ id: string; name: string }>("select id, name from public.users where email = $1", [
    email,
  ]);
  const row = rows[0];
  if (!row) throw new Error(`seed ${email} before the clinical records`);
  return row;
}

export async function seedPrescriptions(db: Client, clinicId: string): Promise<void> {
  const luna = await petId(db, clinicId, "Luna");
  if (!luna) return;
  const existing = await db.query("select 1 from public.prescriptions where pet_id = $1", [luna]);
  if (existing.rowCount) return;
  const vet = await userId(db, "vet@demo.vete.test");
  const reception = await userId(db, "reception@demo.vete.test");
  // 30 tablets a fill, 3 refills (120 in all); two fills handed out over the last two months.
  const { rows } = await db.query<{ id: string }>(
    `insert into public.prescriptions (clinic_id, pet_id, prescribed_by, prescriber_name, medication, dose, directions,
       unit, quantity_per_fill, refills, quantity_remaining, expires_on, prescribed_at)
     values ($1, $2, $3, $4, 'Carprofen 50 mg', '1 tablet (50 mg)', 'Give once daily with food for joint pain. Stop and call us if she vomits.',
       'tablets', 30, 3, 60, (now() + interval '6 months')::date, now() - interval '60 days')
     returning id`,
    [clinicId, luna, vet.id, vet.name],
  );
  const rxId = rows[0]?.id;
  if (!rxId) throw new Error("could not seed the demo prescription");
  await db.query(
    `insert into public.prescription_dispensings (clinic_id, prescription_id, dispensed_at, quantity, batch, dispensed_by,
       dispensed_by_name, remaining_after)
     values ($1, $2, now() - interval '60 days', 30, 'CPF-2417', $3, $4, 90),
            ($1, $2, now() - interval '30 days', 30, 'CPF-2417', $5, $6, 60)`,
    [clinicId, rxId, vet.id, vet.name, reception.id, reception.name],
  );
}

const demoVaccines = [
  { name: "Rabies", species: null, intervalDays: 365 },
  { name: "DHPP", species: "dog", intervalDays: 365 },
  { name: "Leptospirosis", species: "dog", intervalDays: 365 },
  { name: "FVRCP", species: "cat", intervalDays: 365 },
] as const;

/** The clinic's vaccine list, and a history for Luna and Milo: Luna's rabies booster comes due in 15 days. */
export async function seedVaccinations(db: Client, clinicId: string): Promise<void> {
  for (const v of demoVaccines) {
    await db.query(
      "insert into public.vaccines (clinic_id, name, species, interval_days) values ($1, $2, $3, $4) on conflict do nothing",
      [clinicId, v.name, v.species, v.intervalDays],
    );
  }
  const vet = await userId(db, "vet2@demo.vete.test");
  const doses: [pet: string, vaccine: string, daysAgo: number][] = [
    ["Luna", "Rabies", 350],
    ["Luna", "DHPP", 120],
    ["Milo", "FVRCP", 200],
  ];
  for (const [petName, vaccine, daysAgo] of doses) {
    const pet = await petId(db, clinicId, petName);
    if (!pet) continue;
    const has = await db.query(
      "select 1 from public.vaccinations v join public.vaccines x on x.id = v.vaccine_id where v.pet_id = $1 and x.name = $2",
      [pet, vaccine],
    );
    if (has.rowCount) continue;
    await db.query(
      `insert into public.vaccinations (clinic_id, pet_id, vaccine_id, given_on, batch, given_by, given_by_name, next_due_on)
       select $1, $2, x.id, d.given_on, 'DEMO-' || upper(left(x.name, 3)) || '-01', $4, $5, d.given_on + x.interval_days
         from public.vaccines x
         cross join lateral (select ((now() at time zone c.time_zone)::date - $6::integer) as given_on
                               from public.clinics c where c.id = $1) d
        where x.clinic_id = $1 and x.name = $3`,
      [clinicId, pet, vaccine, vet.id, vet.name, daysAgo],
    );
  }
}
