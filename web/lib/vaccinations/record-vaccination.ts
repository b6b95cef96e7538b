// Record a vaccination given to a pet: the SQL function checks the role, the pet and vaccine (same clinic,
// right species), the dates, and takes the person who gave it from the session.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import "./vaccine-record";

export const recordVaccinationSchema = z.strictObject({
  vaccineId: z.uuid("Choose a vaccine."),
  givenOn: z.iso.date("Use a date like 2026-04-12"),
  batch: z.string().trim().max(80, "At most 80 characters.").optional(),
  nextDueOn: z.iso.date("Use a date like 2027-04-12").nullish(),
});
export type RecordVaccinationInput = z.input<typeof recordVaccinationSchema>;

export async function recordVaccination(
  db: Db,
  scope: { clinicId: string; petId: string },
  input: RecordVaccinationInput,
): Promise<{ id: string; nextDueOn: string | null }> {
  const { clinicId, petId } = parseWith(z.object({ clinicId: z.uuid(), petId: z.uuid("No such pet.") }), scope);
  const d = parseWith(recordVaccinationSchema, input);
  const [row] = await rpc(db, "record_vaccination", {
    p_clinic_id: clinicId,
    p_pet_id: petId,
    p_vaccine_id: d.vaccineId,
    p_given_on: d.givenOn,
    p_batch: d.batch || null,
    p_next_due_on: d.nextDueOn ?? null,
  });
  if (!row) throw new Error("record_vaccination returned no row");
  return { id: row.id, nextDueOn: row.next_due_on };
}
