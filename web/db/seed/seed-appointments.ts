// Demo scheduling data so a client can book right after `npm start`: three services (one staff-only), two
// vets who perform them with overlapping weekly hours (clinic time), and booking rules.
// Idempotent: services are keyed on (clinic, name), hours are written only when a vet has none, and the
// rules row is inserted once; a second run changes nothing.
import type { Client } from "pg";

export const demoServices = [
  {
    name: "Consultation",
    duration: 30,
    priceCents: 4500,
    online: true,
    instructions: "Bring your pet's vaccination card if you have it.",
  },
  { name: "Vaccination", duration: 15, priceCents: 3500, online: true, instructions: null },
  {
    name: "Dental check",
    duration: 45,
    priceCents: 6000,
    online: false,
    instructions: "No food for 8 hours before the visit.",
  },
] as const;

/**
 * The demo vets and their weekly hours (ISO weekdays, clinic time); their working times overlap in the late
 * morning and afternoon.
 */
export const demoVetSchedules = [
  {
    email: "vet@demo.vete.test",
    weekdays: [1, 2, 3, 4, 5, 6],
    hours: [
      ["09:00", "13:00"],
      ["15:00", "19:00"],
    ],
  },
  {
    email: "vet2@demo.vete.test",
    weekdays: [1, 2, 3, 4, 5],
    hours: [
      ["10:00", "14:00"],
      ["16:00", "20:00"],
    ],
  },
] as const;

export async function seedAppointments(db: Client, clinicId: string): Promise<void> {
  for (const s of demoServices) {
    await db.query(
      `insert into public.services (clinic_id, name, duration_minutes, price_cents, bookable_online, instructions)
       select $1, $2, $3, $4, $5, $6
       where not exists (select 1 from public.services where clinic_id = $1 and name = $2)`,
      [clinicId, s.name, s.duration, s.priceCents, s.online, s.instructions],
    );
  }
  for (const v of demoVetSchedules) {
    const vet = await db.query<{ id: string }>("select id from public.users where email = $1", [v.email]);
    const vetId = vet.rows[0]?.id;
    if (!vetId) throw new Error(`seed the demo vet ${v.email} before the demo schedule`);
    await db.query(
      `insert into public.service_vets (clinic_id, service_id, vet_id)
       select $1, s.id, $2 from public.services s where s.clinic_id = $1 and s.name = any($3::text[])
       on conflict do nothing`,
      [clinicId, vetId, demoServices.map((s) => s.name)],
    );
    const hasHours = await db.query("select 1 from public.vet_weekly_hours where clinic_id = $1 and vet_id = $2", [
      clinicId,
      vetId,
    ]);
    if (hasHours.rowCount === 0) {
      await db.query(
        `insert into public.vet_weekly_hours (clinic_id, vet_id, weekday, start_time, end_time)
         select $1, $2, d, (h ->> 0)::time, (h ->> 1)::time
           from unnest($3::int[]) d cross join jsonb_array_elements($4::jsonb) h`,
        [clinicId, vetId, v.weekdays, JSON.stringify(v.hours)],
      );
    }
  }
}
