// Create a clinic: the signed-in user becomes its owner (public.create_clinic, one transaction).
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { clinicFields, clinicSlug, toClinicProfile, type ClinicProfile } from "./clinic-fields";
import "./rpc-types";

export const createClinicInput = z.object({
  slug: clinicSlug,
  name: clinicFields.name,
  timeZone: clinicFields.timeZone,
  currency: clinicFields.currency,
  defaultLocale: clinicFields.defaultLocale.default("en"),
  email: clinicFields.email.optional(),
  phone: clinicFields.phone.optional(),
  address: clinicFields.address.optional(),
});
export type CreateClinicInput = z.input<typeof createClinicInput>;

export async function createClinic(db: Db, input: z.output<typeof createClinicInput>): Promise<ClinicProfile> {
  const row = await rpcOne(db, "create_clinic", {
    p_slug: input.slug,
    p_name: input.name,
    p_time_zone: input.timeZone,
    p_currency: input.currency,
    p_default_locale: input.defaultLocale,
    p_email: input.email ?? null,
    p_phone: input.phone ?? null,
    p_address: input.address ?? null,
  });
  if (!row) throw new AppError("INTERNAL", "The clinic was not created.");
  return toClinicProfile(row);
}
