// Over-dispensing is impossible under real concurrency: 20 separate connections, each signed in as clinic
// staff (RLS applies), dispense from one prescription at the same moment; together they ask for more than
// remains. The guard is private.dispense_prescription's row lock on the prescription (so each dispensing
// reads what the previous one left), with two check constraints behind it (prescriptions_remaining_within_total,
// and remaining_after >= 0 on the ledger line). To see the race fail without them, run this file with all
// three removed:
//
//   VETE_PROVE_WITHOUT_GUARD=1 npx vitest run --project integration web/tests/load/dispensing-concurrency.test.ts
//
// (beforeAll then drops the constraint and re-creates the function without `for update` in this run's
// throwaway database). Verified on 2026-11-30: with the guards removed every round failed, all 20 racers
// succeeded and 60 were dispensed against 50 (remaining -10); with only the lock removed the constraints still
// refused the 4 extra dispensings. Never set the variable in CI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { race } from "../helpers/appointment-factories";
import {
  addStaff,
  closeTestPool,
  createClient,
  createClinic,
  createPet,
  testPool,
  type TestClinic,
  type TestUser,
} from "../helpers/factories";
import { daysFromToday } from "../helpers/dates";

const RACERS = 20;
const ROUNDS = 3;

let clinic: TestClinic;
let vet: TestUser;
let staff: TestUser[];
let petId: string;

beforeAll(async () => {
  if (process.env.VETE_PROVE_WITHOUT_GUARD === "1") {
    const pool = testPool();
    await pool.query("alter table public.prescriptions drop constraint prescriptions_remaining_within_total");
    await pool.query(
      "alter table public.prescription_dispensings drop constraint prescription_dispensings_remaining_after_check",
    );
    const { rows } = await pool.query<{ def: string }>(
      "select pg_get_functiondef('private.dispense_prescription(uuid,integer,text,uuid)'::regprocedure) as def",
    );
    await pool.query(rows[0]!.def.replace(/\s+for update;/i, ";"));
  }
  clinic = await createClinic();
  vet = await addStaff(clinic.id, "vet");
  staff = [vet, await addStaff(clinic.id, "receptionist"), await addStaff(clinic.id, "admin")];
  const client = await createClient(clinic.id);
  petId = (await createPet(clinic.id, client.id)).id;
});

afterAll(closeTestPool);

/** A prescription of 10 per fill with 4 refills: 50 to dispense in all. */
async function prescribe(): Promise<string> {
  const { rows } = await testPool().query<{ id: string }>(
    `insert into public.prescriptions (clinic_id, pet_id, prescribed_by, prescriber_name, medication, dose, directions, quantity_per_fill,
       refills, quantity_remaining, expires_on)
     values ($1, $2, $3, 'Dr Test', 'Meloxicam 1 mg', '1 tablet', 'Once daily with food', 10, 4, 50, $4) returning id`,
    [clinic.id, petId, vet.userId, daysFromToday(60, clinic.timeZone)],
  );
  return rows[0]!.id;
}

describe("dispensing race", () => {
  for (let round = 0; round < ROUNDS; round++) {
    it(`round ${round}: ${RACERS} concurrent dispensings of 3 never take more than the 50 that remain`, async () => {
      const rxId = await prescribe();
      const racers = Array.from({ length: RACERS }, (_, i) => staff[i % staff.length]!);
      const out = await race<{ quantity: number }>(racers, () => ({
        sql: "select quantity from public.dispense_prescription(p_prescription_id => $1, p_quantity => $2)",
        params: [rxId, 3],
      }));
      const { rows } = await testPool().query<{ dispensed: number; lines: number; remaining: number }>(
        `select coalesce(sum(d.quantity), 0)::int as dispensed, count(d.id)::int as lines, r.quantity_remaining as remaining
           from public.prescriptions r left join public.prescription_dispensings d on d.prescription_id = r.id
          where r.id = $1 group by r.id`,
        [rxId],
      );
      const ledger = rows[0]!;
      // 16 fills of 3 fit in 50; the 4 others are refused for what remains, never by a deadlock or a crash.
      expect(ledger.dispensed).toBeLessThanOrEqual(50);
      expect(ledger.dispensed + ledger.remaining).toBe(50);
      expect(out.ok).toHaveLength(16);
      expect(ledger.lines).toBe(16);
      expect(out.errors.map((e) => e.message)).toEqual(Array(4).fill("quantity_exceeds_remaining"));
    });
  }
});
