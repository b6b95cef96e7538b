// A clinic service as use-cases return it (price in minor units of the clinic's currency, who performs it),
// and the rules for each of its fields, shared by create and update.
import { z } from "zod";
import { idField } from "./schedule-fields";

const minutes240 = z.number().int("Whole minutes.").min(0, "Cannot be negative.").max(240, "At most 240 minutes.");

/** Every field without defaults, so a partial update changes only what was sent. */
export const serviceShape = {
  name: z.string().trim().min(1, "Give the service a name.").max(120, "At most 120 characters."),
  durationMinutes: z.number().int("Whole minutes.").min(5, "At least 5 minutes.").max(480, "At most 8 hours."),
  priceCents: z.number().int("Use minor units (cents).").min(0, "Cannot be negative.").max(100_000_000, "Too large."),
  bufferBeforeMinutes: minutes240,
  bufferAfterMinutes: minutes240,
  bookableOnline: z.boolean(),
  instructions: z.string().trim().max(2000, "At most 2000 characters.").nullable(),
  active: z.boolean(),
  vetIds: z.array(idField).max(100, "At most 100 people."),
};

export interface Service {
  id: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  bookableOnline: boolean;
  instructions: string | null;
  active: boolean;
  vetIds: string[];
}

/** Select list for public.services s joined to public.clinics c. */
export const serviceColumns = `s.id, s.name, s.duration_minutes as "durationMinutes", s.price_cents as "priceCents", c.currency,
  s.buffer_before_minutes as "bufferBeforeMinutes", s.buffer_after_minutes as "bufferAfterMinutes",
  s.bookable_online as "bookableOnline", s.instructions, s.active,
  array(select sv.vet_id from public.service_vets sv where sv.service_id = s.id order by sv.vet_id) as "vetIds"`;
