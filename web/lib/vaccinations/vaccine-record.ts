// Vaccines (the clinic's list) and vaccinations as the app sees them, with the SQL functions' rpc types.
import { z } from "zod";

export const speciesValues = ["dog", "cat", "rabbit", "bird", "reptile", "rodent", "ferret", "horse", "other"] as const;

export type VaccineStatus = "up_to_date" | "due_soon" | "overdue" | "no_due_date";

export interface Vaccine {
  id: string;
  name: string;
  species: (typeof speciesValues)[number] | null;
  intervalDays: number;
  active: boolean;
}

export const vaccineColumns = `x.id, x.name, x.species, x.interval_days as "intervalDays", x.active`;

export const vaccineFields = {
  name: z.string().trim().min(1, "Name the vaccine.").max(120, "At most 120 characters."),
  species: z.enum(speciesValues, "Choose a species.").nullable(),
  intervalDays: z.coerce
    .number("Give a whole number of days.")
    .int("Give a whole number of days.")
    .min(1, "At least 1 day.")
    .max(3650, "At most 3650 days."),
  active: z.boolean(),
};

export const idField = z.uuid("Not a valid id.");

interface VaccinationRow {
  id: string;
  clinic_id: string;
  pet_id: string;
  next_due_on: string | null;
}

declare module "@/lib/db/rpc" {
  interface RpcFunctions {
    record_vaccination: {
      args: {
        p_clinic_id: string;
        p_pet_id: string;
        p_vaccine_id: string;
        p_given_on: string;
        p_batch?: string | null;
        p_next_due_on?: string | null;
      };
      returns: VaccinationRow;
    };
    list_pet_vaccine_status: {
      args: { p_clinic_id: string; p_pet_id: string };
      returns: {
        vaccination_id: string;
        vaccine_id: string;
        vaccine_name: string;
        given_on: string;
        next_due_on: string | null;
        status: VaccineStatus;
      };
    };
    list_my_pet_vaccinations: {
      args: { p_clinic_id: string };
      returns: {
        pet_id: string;
        pet_name: string;
        vaccine_name: string;
        given_on: string;
        next_due_on: string | null;
        status: VaccineStatus;
      };
    };
  }
}
