// The clinic's services. RLS decides what the caller sees: clients and visitors only active services bookable
// online, staff every service (inactive ones too when asked).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/types";
import { parseWith } from "@/lib/validation/parse";
import { serviceColumns, type Service } from "./service-record";

export const listServicesSchema = z.object({
  includeInactive: z.boolean().default(false),
});
export type ListServicesInput = z.input<typeof listServicesSchema>;

export async function listServices(db: Db, clinicId: string, input: ListServicesInput = {}): Promise<Service[]> {
  const { includeInactive } = parseWith(listServicesSchema, input);
  const { rows } = await db.query<Service>(
    `select ${serviceColumns}
       from public.services s join public.clinics c on c.id = s.clinic_id
      where s.clinic_id = $1 and (s.active or $2)
      order by s.active desc, s.name, s.id`,
    [clinicId, includeInactive],
  );
  return rows;
}
