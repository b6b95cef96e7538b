// The shapes of a visit as use-cases return them, the SQL that selects them, and the field rules shared by
// the schemas (they mirror the checks on public.visits, visit_notes and visit_charges).
import { z } from "zod";
import { optionalText } from "@/lib/clients/client-record";

/** A public.visits row as the SQL functions return it (snake_case). It never holds clinical notes. */
export interface VisitRow {
  id: string;
  clinic_id: string;
  pet_id: string;
  appointment_id: string | null;
  vet_id: string | null;
  started_at: Date;
  reason: string | null;
  weight_grams: number | null;
  temperature_c: string | null;
  heart_rate_bpm: number | null;
  respiratory_rate: number | null;
  summary: string | null;
  discharge_instructions: string | null;
  shared_with_client: boolean;
  finalized_at: Date | null;
  finalized_by: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface Visit {
  id: string;
  clinicId: string;
  petId: string;
  appointmentId: string | null;
  vetId: string | null;
  startedAt: Date;
  reason: string | null;
  weightKg: number | null;
  temperatureC: number | null;
  heartRateBpm: number | null;
  respiratoryRate: number | null;
  summary: string | null;
  dischargeInstructions: string | null;
  sharedWithClient: boolean;
  finalizedAt: Date | null;
  finalizedBy: string | null;
}

/** Columns of public.visits aliased as Visit; the table must be aliased `v`. */
export const visitColumns = `v.id, v.clinic_id as "clinicId", v.pet_id as "petId", v.appointment_id as "appointmentId",
  v.vet_id as "vetId", v.started_at as "startedAt", v.reason, (v.weight_grams / 1000.0)::float8 as "weightKg",
  v.temperature_c::float8 as "temperatureC", v.heart_rate_bpm as "heartRateBpm", v.respiratory_rate as "respiratoryRate",
  v.summary, v.discharge_instructions as "dischargeInstructions", v.shared_with_client as "sharedWithClient",
  v.finalized_at as "finalizedAt", v.finalized_by as "finalizedBy"`;

export function toVisit(r: VisitRow): Visit {
  return {
    id: r.id,
    clinicId: r.clinic_id,
    petId: r.pet_id,
    appointmentId: r.appointment_id,
    vetId: r.vet_id,
    startedAt: r.started_at,
    reason: r.reason,
    weightKg: r.weight_grams === null ? null : r.weight_grams / 1000,
    temperatureC: r.temperature_c === null ? null : Number(r.temperature_c),
    heartRateBpm: r.heart_rate_bpm,
    respiratoryRate: r.respiratory_rate,
    summary: r.summary,
    dischargeInstructions: r.discharge_instructions,
    sharedWithClient: r.shared_with_client,
    finalizedAt: r.finalized_at,
    finalizedBy: r.finalized_by,
  };
}

/** SOAP notes and diagnoses: null in a visit's view when the caller may not read them. */
export interface VisitNotes {
  subjective: string | null;
  objective: string | null;
  assessment: string | null;
  plan: string | null;
  diagnoses: string[];
}

export const chargeKinds = ["service", "product", "other"] as const;
export type ChargeKind = (typeof chargeKinds)[number];

export interface VisitCharge {
  id: string;
  kind: ChargeKind;
  description: string;
  serviceId: string | null;
  quantity: number;
  unitPriceCents: number;
}

export interface VisitAddendum {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

const noteText = optionalText(z.string().trim().max(10000, "At most 10000 characters"));

export const visitFields = {
  reason: optionalText(z.string().trim().max(500, "At most 500 characters")),
  subjective: noteText,
  objective: noteText,
  assessment: noteText,
  plan: noteText,
  diagnoses: z
    .array(z.string().trim().min(1, "Enter a diagnosis").max(200, "At most 200 characters"))
    .max(20, "At most 20 diagnoses")
    .optional(),
  weightKg: z
    .number("Enter the weight in kg")
    .min(0.001, "Must be more than 0 kg")
    .max(2000, "At most 2000 kg")
    .nullable()
    .optional(),
  temperatureC: z
    .number("Enter the temperature in °C")
    .min(25, "At least 25 °C")
    .max(45, "At most 45 °C")
    .nullable()
    .optional(),
  heartRateBpm: z
    .number("Enter beats per minute")
    .int("Use a whole number")
    .min(10, "At least 10")
    .max(400, "At most 400")
    .nullable()
    .optional(),
  respiratoryRate: z
    .number("Enter breaths per minute")
    .int("Use a whole number")
    .min(2, "At least 2")
    .max(200, "At most 200")
    .nullable()
    .optional(),
  summary: optionalText(z.string().trim().max(4000, "At most 4000 characters")),
  dischargeInstructions: optionalText(z.string().trim().max(4000, "At most 4000 characters")),
  sharedWithClient: z.boolean().optional(),
};

export const idField = z.uuid("Not a valid id");
