// A pet's vaccinations for staff: the status per vaccine (latest dose, next due, up to date / due soon /
// overdue in the clinic's zone) and the full history, newest first. RLS limits both to the caller's clinics.
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import type { VaccineStatus } from "./vaccine-record";

export interface VaccineStatusLine {
  vaccineId: string;
  vaccineName: string;
  givenOn: string;
  nextDueOn: string | null;
  status: VaccineStatus;
}

export interface VaccinationLine {
  id: string;
  vaccineName: string;
  givenOn: string;
  batch: string | null;
  givenByName: string;
  nextDueOn: string | null;
}

export async function listPetVaccinations(
  db: Db,
  input: { clinicId: string; petId: string },
): Promise<{ statuses: VaccineStatusLine[]; history: VaccinationLine[] }> {
  const { clinicId, petId } = parseWith(z.object({ clinicId: z.uuid(), petId: z.uuid("No such pet.") }), input);
  const statuses = await rpc(db, "list_pet_vaccine_status", { p_clinic_id: clinicId, p_pet_id: petId });
  const { rows } = await db.query<VaccinationLine>(
    `select v.id, x.name as "vaccineName", to_char(v.given_on, 'YYYY-MM-DD') as "givenOn", v.batch,
            v.given_by_name as "givenByName", to_char(v.next_due_on, 'YYYY-MM-DD') as "nextDueOn"
       from public.vaccinations v join public.vaccines x on x.id = v.vaccine_id
      where v.clinic_id = $1 and v.pet_id = $2
      order by v.given_on desc, v.created_at desc
      limit 200`,
    [clinicId, petId],
  );
  return {
    statuses: statuses.map((s) => ({
      vaccineId: s.vaccine_id,
      vaccineName: s.vaccine_name,
      givenOn: s.given_on,
      nextDueOn: s.next_due_on,
      status: s.status,
    })),
    history: rows,
  };
}
