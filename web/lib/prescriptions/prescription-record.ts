// The prescription as the app sees it (camelCase), the SQL functions' rpc types, and the status rule:
// "expired" is computed from the clinic's date, never stored, so no job has to flip it at midnight.
import { z } from "zod";

export type PrescriptionStatus = "active" | "exhausted" | "expired" | "cancelled";

export interface Prescription {
  id: string;
  clinicId: string;
  petId: string;
  medication: string;
  dose: string;
  directions: string;
  unit: string;
  quantityPerFill: number;
  refills: number;
  quantityRemaining: number;
  refillsLeft: number;
  expiresOn: string;
  status: PrescriptionStatus;
  prescribedAt: Date;
  prescribedBy: string;
  vetName: string;
  cancelReason: string | null;
}

export interface DispensingLine {
  id: string;
  prescriptionId: string;
  dispensedAt: Date;
  quantity: number;
  batch: string | null;
  dispensedByName: string;
  orderId: string | null;
  remainingAfter: number;
}

export const idField = z.uuid("Not a valid id.");

/** Fills left counts a partly used fill as one; refills left are the fills after the next one. */
export function refillsLeft(quantityRemaining: number, quantityPerFill: number): number {
  if (quantityRemaining <= 0) return 0;
  return Math.max(Math.ceil(quantityRemaining / quantityPerFill) - 1, 0);
}

/** SQL select list (alias r = prescriptions) producing a Prescription. */
export const prescriptionColumns = `r.id, r.clinic_id as "clinicId", r.pet_id as "petId", r.medication, r.dose, r.directions,
  r.unit, r.quantity_per_fill as "quantityPerFill", r.refills, r.quantity_remaining as "quantityRemaining",
  greatest(ceil(r.quantity_remaining::numeric / r.quantity_per_fill)::int - 1, 0) as "refillsLeft",
  to_char(r.expires_on, 'YYYY-MM-DD') as "expiresOn",
  case when r.status = 'active' and r.expires_on < private.clinic_today(r.clinic_id) then 'expired' else r.status end as status,
  r.prescribed_at as "prescribedAt", r.prescribed_by as "prescribedBy", r.prescriber_name as "vetName", r.cancel_reason as "cancelReason"`;

interface RxRow {
  id: string;
  clinic_id: string;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    create_prescription: {
      args: {
        p_clinic_id: string;
        p_pet_id: string;
        p_medication: string;
        p_dose: string;
        p_directions: string;
        p_unit: string;
        p_quantity_per_fill: number;
        p_refills: number;
        p_expires_on: string;
      };
      returns: RxRow;
    };
    dispense_prescription: {
      args: { p_prescription_id: string; p_quantity: number; p_batch?: string | null; p_order_id?: string | null };
      returns: RxRow & { prescription_id: string; quantity: number; remaining_after: number };
    };
    cancel_prescription: { args: { p_prescription_id: string; p_reason: string }; returns: RxRow };
    list_my_pet_prescriptions: {
      args: { p_clinic_id: string };
      returns: {
        id: string;
        pet_id: string;
        pet_name: string;
        medication: string;
        dose: string;
        directions: string;
        unit: string;
        quantity_per_fill: number;
        quantity_remaining: number;
        refills_left: number;
        expires_on: string;
        vet_name: string;
      };
    };
  }
}
