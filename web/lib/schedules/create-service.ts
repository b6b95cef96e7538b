// Owners and admins add a service and say who performs it; RLS refuses everyone else (FORBIDDEN).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { idField } from "./schedule-fields";
import { serviceColumns, type Service } from "./service-record";

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

export const serviceFieldsSchema = z.strictObject({
  ...serviceShape,
  bufferBeforeMinutes: minutes240.default(0),
  bufferAfterMinutes: minutes240.default(0),
  bookableOnline: z.boolean().default(true),
  instructions: serviceShape.instructions.optional().transform((v) => (v ? v : null)),
  active: z.boolean().default(true),
  vetIds: serviceShape.vetIds.default([]),
});
export type CreateServiceInput = z.input<typeof serviceFieldsSchema>;

export async function replaceServiceVets(
  db: Db,
  clinicId: string,
  serviceId: string,
  vetIds: readonly string[],
): Promise<void> {
  await db.query("delete from public.service_vets where service_id = $1 and not (vet_id = any($2::uuid[]))", [
    serviceId,
    vetIds,
  ]);
  await db.query(
    `insert into public.service_vets (clinic_id, service_id, vet_id)
     select $1, $2, v from unnest($3::uuid[]) v
     on conflict do nothing`,
    [clinicId, serviceId, [...new Set(vetIds)]],
  );
}

export async function getService(db: Db, serviceId: string): Promise<Service> {
  const { rows } = await db.query<Service>(
    `select ${serviceColumns} from public.services s join public.clinics c on c.id = s.clinic_id where s.id = $1`,
    [serviceId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That service was not found.", { fields: { serviceId: ["Not found."] } });
  return row;
}

export async function createService(db: Db, clinicId: string, input: CreateServiceInput): Promise<Service> {
  const d = parseWith(serviceFieldsSchema, input);
  const { rows } = await db.query<{ id: string }>(
    `insert into public.services (clinic_id, name, duration_minutes, price_cents, buffer_before_minutes, buffer_after_minutes,
       bookable_online, instructions, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [
      clinicId,
      d.name,
      d.durationMinutes,
      d.priceCents,
      d.bufferBeforeMinutes,
      d.bufferAfterMinutes,
      d.bookableOnline,
      d.instructions,
      d.active,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new AppError("INTERNAL", "The service was not created.");
  await replaceServiceVets(db, clinicId, id, d.vetIds);
  return getService(db, id);
}
