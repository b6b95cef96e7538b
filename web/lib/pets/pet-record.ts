// The shape of a pet as use-cases return it, the SQL that selects it, and the field rules shared by the
// create/update schemas (they mirror the checks on public.pets). Weight is entered in kg, stored in grams.
import { z } from "zod";
import { optionalText } from "@/lib/clients/client-record";

export const petSpecies = ["dog", "cat", "rabbit", "bird", "reptile", "rodent", "ferret", "horse", "other"] as const;
export const petSexes = ["male", "female", "male_neutered", "female_spayed", "unknown"] as const;
export type PetSpecies = (typeof petSpecies)[number];
export type PetSex = (typeof petSexes)[number];

export interface PetRecord {
  id: string;
  clinicId: string;
  clientId: string;
  name: string;
  species: PetSpecies;
  breed: string | null;
  sex: PetSex;
  birthDate: string | null;
  weightKg: number | null;
  microchip: string | null;
  notes: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns of public.pets aliased as PetRecord; the table must be aliased `p`. */
export const petColumns = `p.id, p.clinic_id as "clinicId", p.client_id as "clientId", p.name, p.species, p.breed, p.sex,
  p.birth_date as "birthDate", (p.weight_grams / 1000.0)::float8 as "weightKg", p.microchip, p.notes,
  p.archived_at as "archivedAt", p.created_at as "createdAt", p.updated_at as "updatedAt"`;

/**
 * The latest calendar date anywhere on Earth right now (UTC+14). A birth "today" in the clinic's zone is
 * never rejected, whatever zone the server runs in; anything later is in the future everywhere.
 */
export function latestDateOnEarth(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

export const petFields = {
  name: z.string().trim().min(1, "Enter the pet's name").max(80, "At most 80 characters"),
  species: z.enum(petSpecies, "Choose a species"),
  breed: optionalText(z.string().trim().max(80, "At most 80 characters")),
  sex: z.enum(petSexes, "Choose one of the options"),
  birthDate: optionalText(
    z.iso
      .date("Use a date like 2021-04-12")
      .refine((d) => d > "1950-01-01", "Too far in the past")
      .refine((d) => d <= latestDateOnEarth(), "A birth date cannot be in the future"),
  ),
  weightKg: z
    .number("Enter the weight in kg")
    .min(0.001, "Must be more than 0 kg")
    .max(2000, "At most 2000 kg")
    .nullable()
    .optional(),
  microchip: optionalText(
    z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^[0-9A-Za-z]{9,20}$/, "9 to 20 letters or digits")),
  ),
  notes: optionalText(z.string().trim().max(4000, "At most 4000 characters")),
};

/** camelCase input key -> column. Only these columns are ever written from input. */
export const petColumnNames = {
  name: "name",
  species: "species",
  breed: "breed",
  sex: "sex",
  birthDate: "birth_date",
  weightGrams: "weight_grams",
  microchip: "microchip",
  notes: "notes",
} as const;

export function kgToGrams(kg: number | null | undefined): number | null | undefined {
  if (kg === undefined || kg === null) return kg;
  return Math.max(1, Math.round(kg * 1000));
}
