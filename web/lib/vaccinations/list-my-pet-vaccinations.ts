// A client's own pets' vaccination statuses, shaped in SQL (clients never read the vaccinations table).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import type { VaccineStatus } from "./vaccine-record";

export interface ClientVaccineStatus {
  petId: string;
  petName: string;
  vaccineName: string;
  givenOn: string;
  nextDueOn: string | null;
  status: VaccineStatus;
}

export async function listMyPetVaccinations(
  db: Db,
  input: { clinicId: string; petId?: string },
): Promise<ClientVaccineStatus[]> {
  const rows = await rpc(db, "list_my_pet_vaccinations", { p_clinic_id: parseWith(z.uuid(), input.clinicId) });
  return rows
    .filter((r) => !input.petId || r.pet_id === input.petId)
    .map((r) => ({
      petId: r.pet_id,
      petName: r.pet_name,
      vaccineName: r.vaccine_name,
      givenOn: r.given_on,
      nextDueOn: r.next_due_on,
      status: r.status,
    }));
}
