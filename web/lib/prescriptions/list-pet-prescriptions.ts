// A pet's prescriptions for staff (newest first) with their dispensing ledger lines. RLS limits both to
// the caller's clinics; a pet has tens of prescriptions at most, and the limit keeps the read bounded.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { prescriptionColumns, type DispensingLine, type Prescription } from "./prescription-record";

const listSchema = z.object({ clinicId: z.uuid(), petId: z.uuid("No such pet.") });

export interface PrescriptionWithLedger extends Prescription {
  dispensings: DispensingLine[];
}

export async function listPetPrescriptions(
  db: Db,
  input: z.input<typeof listSchema>,
): Promise<PrescriptionWithLedger[]> {
  const { clinicId, petId } = parseWith(listSchema, input);
  const { rows } = await db.query<Prescription>(
    `select ${prescriptionColumns}
       from public.prescriptions r
      where r.clinic_id = $1 and r.pet_id = $2
      order by r.prescribed_at desc, r.id
      limit 200`,
    [clinicId, petId],
  );
  if (rows.length === 0) return [];
  const lines = await db.query<DispensingLine>(
    `select d.id, d.prescription_id as "prescriptionId", d.dispensed_at as "dispensedAt", d.quantity, d.batch,
            d.dispensed_by_name as "dispensedByName", d.order_id as "orderId", d.remaining_after as "remainingAfter"
       from public.prescription_dispensings d
      where d.clinic_id = $1 and d.prescription_id = any($2::uuid[])
      order by d.dispensed_at, d.id`,
    [clinicId, rows.map((r) => r.id)],
  );
  return rows.map((r) => ({ ...r, dispensings: lines.rows.filter((l) => l.prescriptionId === r.id) }));
}
