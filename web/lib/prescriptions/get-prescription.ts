// One prescription of the clinic (staff, through RLS), or NOT_FOUND.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { prescriptionColumns, type Prescription } from "./prescription-record";

const getSchema = z.object({ clinicId: z.uuid(), prescriptionId: z.uuid("No such prescription.") });

export async function getPrescription(db: Db, input: z.input<typeof getSchema>): Promise<Prescription> {
  const { clinicId, prescriptionId } = parseWith(getSchema, input);
  const { rows } = await db.query<Prescription>(
    `select ${prescriptionColumns}
       from public.prescriptions r
      where r.clinic_id = $1 and r.id = $2`,
    [clinicId, prescriptionId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No such prescription.");
  return row;
}
