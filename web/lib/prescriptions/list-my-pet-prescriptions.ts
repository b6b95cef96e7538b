// A client's own pets' active prescriptions with refills left, shaped in SQL (clients never read the
// prescriptions table or the ledger themselves).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import "./prescription-record";

export interface ClientPrescription {
  id: string;
  petId: string;
  petName: string;
  medication: string;
  dose: string;
  directions: string;
  unit: string;
  quantityRemaining: number;
  refillsLeft: number;
  expiresOn: string;
  vetName: string;
}

export async function listMyPetPrescriptions(
  db: Db,
  input: { clinicId: string; petId?: string },
): Promise<ClientPrescription[]> {
  const clinicId = parseWith(z.uuid(), input.clinicId);
  const rows = await rpc(db, "list_my_pet_prescriptions", { p_clinic_id: clinicId });
  return rows
    .filter((r) => !input.petId || r.pet_id === input.petId)
    .map((r) => ({
      id: r.id,
      petId: r.pet_id,
      petName: r.pet_name,
      medication: r.medication,
      dose: r.dose,
      directions: r.directions,
      unit: r.unit,
      quantityRemaining: r.quantity_remaining,
      refillsLeft: r.refills_left,
      expiresOn: r.expires_on,
      vetName: r.vet_name,
    }));
}
