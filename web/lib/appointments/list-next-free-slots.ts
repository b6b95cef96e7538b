// The next few free starts for a service after a given instant (e.g. after a lost race for a slot), over
// the next two weeks in the clinic's zone, using the same SQL slot list as the booking flow.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./appointment-record";
import { listAvailableSlots, type Slot } from "./list-available-slots";

export const listNextFreeSlotsSchema = z.object({
  serviceId: idField,
  vetId: idField.nullable().optional(),
  petId: idField.nullable().optional(),
  after: z.date(),
  limit: z.number().int().min(1).max(20).default(6),
});
export type ListNextFreeSlotsInput = z.input<typeof listNextFreeSlotsSchema>;

export async function listNextFreeSlots(
  db: Db,
  clinic: { id: string; timeZone: string },
  input: ListNextFreeSlotsInput,
): Promise<Slot[]> {
  const d = parseWith(listNextFreeSlotsSchema, input);
  const localDay = (t: Date) =>
    new Intl.DateTimeFormat("en-CA", {
      timeZone: clinic.timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(t);
  const from = localDay(new Date(Math.max(d.after.getTime(), Date.now())));
  const to = localDay(new Date(new Date(`${from}T12:00:00Z`).getTime() + 14 * 86_400_000));
  const slots = await listAvailableSlots(db, clinic.id, {
    serviceId: d.serviceId,
    vetId: d.vetId ?? null,
    petId: d.petId ?? null,
    from,
    to,
  });
  const seen = new Set<number>();
  const out: Slot[] = [];
  for (const s of slots) {
    const t = s.startsAt.getTime();
    // "any vet" lists one row per vet and start; one per start is enough to offer
    if (t <= d.after.getTime() || seen.has(t)) continue;
    seen.add(t);
    out.push(s);
    if (out.length >= d.limit) break;
  }
  return out;
}
