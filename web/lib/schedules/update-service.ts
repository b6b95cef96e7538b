// Owners and admins edit a service; `vetIds`, when given, replaces who performs it. Existing appointments
// keep the duration and buffers they were booked with.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { getService } from "./get-service";
import { replaceServiceVets } from "./replace-service-vets";
import { idField } from "./schedule-fields";
import { serviceShape, type Service } from "./service-record";

export const updateServiceSchema = z
  .strictObject(serviceShape)
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Nothing to change.", path: ["_"] });
export type UpdateServiceInput = z.input<typeof updateServiceSchema>;

const columns: Record<string, string> = {
  name: "name",
  durationMinutes: "duration_minutes",
  priceCents: "price_cents",
  bufferBeforeMinutes: "buffer_before_minutes",
  bufferAfterMinutes: "buffer_after_minutes",
  bookableOnline: "bookable_online",
  instructions: "instructions",
  active: "active",
};

export async function updateService(
  db: Db,
  clinicId: string,
  serviceId: string,
  input: UpdateServiceInput,
): Promise<Service> {
  const id = parseWith(idField, serviceId);
  const d = parseWith(updateServiceSchema, input) as Record<string, unknown>;
  const sets: string[] = [];
  const params: unknown[] = [id, clinicId];
  for (const [key, column] of Object.entries(columns)) {
    if (d[key] === undefined) continue;
    params.push(key === "instructions" ? d[key] || null : d[key]);
    sets.push(`${column} = $${params.length}`);
  }
  const target = await db.query<{ id: string }>(
    `update public.services set ${sets.length ? sets.join(", ") : "name = name"} where id = $1 and clinic_id = $2 returning id`,
    params,
  );
  if (!target.rowCount) throw new AppError("NOT_FOUND", "That service was not found, or you cannot edit it.");
  if (Array.isArray(d.vetIds)) await replaceServiceVets(db, clinicId, id, d.vetIds as string[]);
  return getService(db, id);
}
