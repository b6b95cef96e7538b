import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "./permissions";

export interface ClinicSummary {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  currency: string;
  defaultLocale: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface ClinicAccess {
  clinic: ClinicSummary;
  /** The caller's staff role here, if any. */
  role: StaffRole | null;
  /** The caller's client record here, if any. */
  clientId: string | null;
}

/** The clinic at this slug and what the caller is to it. Runs under the caller's RLS context. */
export async function getClinicAccess(db: Db, slug: string): Promise<ClinicAccess> {
  const { rows } = await db.query<ClinicSummary & { role: StaffRole | null; clientId: string | null }>(
    `select c.id, c.slug, c.name, c.time_zone as "timeZone", c.currency, c.default_locale as "defaultLocale",
            c.email, c.phone, c.address,
            (select m.role from public.clinic_memberships m where m.clinic_id = c.id and m.user_id = private.current_user_id()) as role,
            (select cl.id from public.clients cl where cl.clinic_id = c.id and cl.user_id = private.current_user_id()) as "clientId"
       from public.clinics c where c.slug = $1`,
    [slug.toLowerCase()],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "No clinic at that address.");
  const { role, clientId, ...clinic } = row;
  return { clinic, role, clientId };
}
