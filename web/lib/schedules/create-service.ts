// Owners and admins add a service and say who performs it; RLS refuses everyone else (FORBIDDEN).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { parseWith } from "@/lib/validation/parse";
import { getService } from "./get-service";
import { replaceServiceVets } from "./replace-service-vets";
import { serviceShape, type Service } from "./service-record";

export const createServiceSchema = z.strictObject({
  ...serviceShape,
  bufferBeforeMinutes: serviceShape.bufferBeforeMinutes.default(0),
  bufferAfterMinutes: serviceShape.bufferAfterMinutes.default(0),
  bookableOnline: z.boolean().default(true),
  instructions: serviceShape.instructions.optional().transform((v) => (v ? v : null)),
  active: z.boolean().default(true),
  vetIds: serviceShape.vetIds.default([]),
});
export type CreateServiceInput = z.input<typeof createServiceSchema>;

export async function createService(db: Db, clinicId: string, input: CreateServiceInput): Promise<Service> {
  const d = parseWith(createServiceSchema, input);
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
