// Owners and admins edit the clinic profile. RLS ("owners and admins can edit their clinic") and the
// column grants are the guard; an update that touches no row means the caller may not edit it.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { clinicColumns, clinicFields, toClinicProfile, type ClinicProfile, type ClinicRow } from "./clinic-fields";

export const updateClinicSettingsInput = z
  .strictObject({
    name: clinicFields.name,
    timeZone: clinicFields.timeZone,
    currency: clinicFields.currency,
    defaultLocale: clinicFields.defaultLocale,
    email: clinicFields.email,
    phone: clinicFields.phone,
    address: clinicFields.address,
  })
  .partial()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "Send at least one field to change." });
export type UpdateClinicSettingsInput = z.output<typeof updateClinicSettingsInput>;

const columns: Record<keyof UpdateClinicSettingsInput, string> = {
  name: "name",
  timeZone: "time_zone",
  currency: "currency",
  defaultLocale: "default_locale",
  email: "email",
  phone: "phone",
  address: "address",
};

export async function updateClinicSettings(
  db: Db,
  clinicId: string,
  input: UpdateClinicSettingsInput,
): Promise<ClinicProfile> {
  const sets: string[] = [];
  const params: unknown[] = [clinicId];
  for (const [key, column] of Object.entries(columns) as [keyof UpdateClinicSettingsInput, string][]) {
    if (input[key] === undefined) continue;
    params.push(input[key]);
    sets.push(`${column} = $${params.length}`);
  }
  if (!sets.length)
    throw new AppError("INVALID_INPUT", "Send at least one field to change.", { fields: { _: ["Required"] } });
  const { rows } = await db.query<ClinicRow>(
    `update public.clinics set ${sets.join(", ")} where id = $1 returning ${clinicColumns}`,
    params,
  );
  const row = rows[0];
  if (row) return toClinicProfile(row);
  const exists = await db.query("select 1 from public.clinics where id = $1", [clinicId]);
  if (!exists.rowCount) throw new AppError("NOT_FOUND", "No such clinic.");
  throw new AppError("FORBIDDEN", "Only the clinic's owners and admins can change its settings.");
}
