// A clinic service as use-cases return it: price in minor units of the clinic's currency, who performs it.
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
