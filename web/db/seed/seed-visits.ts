// Demo clinical history: a few signed visits per demo pet over the last year and a half, with weights (the
// chart draws them), vitals, SOAP notes, diagnoses and charges; Luna's latest visit shares its summary with
// the owner. Idempotent: a pet that already has visits is left alone.
import type { Client } from "pg";

interface DemoVisit {
  daysAgo: number;
  vet: string;
  reason: string;
  weightGrams: number;
  temperatureC: number;
  heartRate: number;
  respiratoryRate: number;
  soap: [string, string, string, string];
  diagnoses: string[];
  services: string[];
  summary?: string;
  discharge?: string;
}

const history: Record<string, DemoVisit[]> = {
  Luna: [
    {
      daysAgo: 540,
      vet: "vet@demo.vete.test",
      reason: "Annual check-up",
      weightGrams: 16200,
      temperatureC: 38.5,
      heartRate: 96,
      respiratoryRate: 22,
      soap: [
        "Owner reports normal appetite and energy.",
        "BCS 5/9, coat healthy, mild tartar on upper premolars.",
        "Healthy adult dog.",
        "Continue current diet; dental check in a year.",
      ],
      diagnoses: ["Mild dental tartar"],
      services: ["Consultation", "Vaccination"],
    },
    {
      daysAgo: 190,
      vet: "vet2@demo.vete.test",
      reason: "Limping on the right foreleg",
      weightGrams: 17100,
      temperatureC: 38.9,
      heartRate: 104,
      respiratoryRate: 24,
      soap: [
        "Limping since a long run three days ago.",
        "Pain on flexion of the right carpus, no swelling, no instability.",
        "Soft tissue strain of the right carpus.",
        "NSAID for 5 days, lead walks only for two weeks.",
      ],
      diagnoses: ["Carpal strain, right"],
      services: ["Consultation"],
    },
    {
      daysAgo: 21,
      vet: "vet@demo.vete.test",
      reason: "Recheck and vaccination",
      weightGrams: 17500,
      temperatureC: 38.6,
      heartRate: 92,
      respiratoryRate: 20,
      soap: [
        "No more limping; very active.",
        "Full range of motion, no pain on palpation.",
        "Recovered; gained 400 g since spring.",
        "Booster given; reduce treats slightly.",
      ],
      diagnoses: ["Recovered carpal strain"],
      services: ["Consultation", "Vaccination"],
      summary: "Luna has fully recovered and received her booster today. She is a little heavier than last spring.",
      discharge: "Normal exercise is fine again. Cut treats by about a third and weigh her again in three months.",
    },
  ],
  Milo: [
    {
      daysAgo: 420,
      vet: "vet2@demo.vete.test",
      reason: "Vomiting hairballs",
      weightGrams: 5200,
      temperatureC: 38.7,
      heartRate: 180,
      respiratoryRate: 28,
      soap: [
        "Vomits hairballs about twice a week.",
        "Abdomen soft, non-painful; hydration normal.",
        "Trichobezoars, likely from seasonal shedding.",
        "Daily brushing, hairball paste for two weeks.",
      ],
      diagnoses: ["Hairballs"],
      services: ["Consultation"],
    },
    {
      daysAgo: 60,
      vet: "vet@demo.vete.test",
      reason: "Dental check",
      weightGrams: 4800,
      temperatureC: 38.4,
      heartRate: 170,
      respiratoryRate: 26,
      soap: [
        "Bad breath noticed by the owner.",
        "Gingivitis grade 1, no resorptive lesions seen.",
        "Early periodontal disease.",
        "Tooth brushing three times a week; dental diet.",
      ],
      diagnoses: ["Gingivitis, grade 1"],
      services: ["Dental check"],
    },
  ],
};

export async function seedVisits(db: Client, clinicId: string): Promise<void> {
  const pets = await db.query<{ id: string; name: string }>(
    "select p.id, p.name from public.pets p where p.clinic_id = $1 and p.name = any($2::text[])",
    [clinicId, Object.keys(history)],
  );
  for (const pet of pets.rows) {
    const has = await db.query("select 1 from public.visits where pet_id = $1", [pet.id]);
    if (has.rowCount) continue;
    for (const v of history[pet.name] ?? []) {
      const vet = await db.query<{ id: string }>("select id from public.users where email = $1", [v.vet]);
      const vetId = vet.rows[0]?.id;
      if (!vetId) throw new Error(`seed the demo vet ${v.vet} before the demo visits`);
      const visit = await db.query<{ id: string }>(
        `insert into public.visits (clinic_id, pet_id, vet_id, started_at, reason, weight_grams, temperature_c,
           heart_rate_bpm, respiratory_rate, summary, discharge_instructions, shared_with_client, created_by)
         values ($1, $2, $3, date_trunc('hour', now()) - make_interval(days => $4) - interval '3 hours', $5, $6, $7,
           $8, $9, $10, $11, $12, $3)
         returning id`,
        [
          clinicId,
          pet.id,
          vetId,
          v.daysAgo,
          v.reason,
          v.weightGrams,
          v.temperatureC,
          v.heartRate,
          v.respiratoryRate,
          v.summary ?? null,
          v.discharge ?? null,
          Boolean(v.summary),
        ],
      );
      const visitId = visit.rows[0]?.id;
      await db.query(
        `insert into public.visit_notes (visit_id, clinic_id, subjective, objective, assessment, plan, diagnoses)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [visitId, clinicId, ...v.soap, v.diagnoses],
      );
      // description and price come from the service (trigger price_visit_charge)
      await db.query(
        `insert into public.visit_charges (clinic_id, visit_id, kind, description, service_id, quantity, created_by)
         select $1, $2, 'service', '', s.id, 1, $4 from public.services s where s.clinic_id = $1 and s.name = any($3::text[])`,
        [clinicId, visitId, v.services, vetId],
      );
      await db.query(
        "update public.visits set finalized_at = started_at + interval '40 minutes', finalized_by = vet_id where id = $1",
        [visitId],
      );
    }
  }
}
