// One service with its price in the clinic's currency and who performs it; NOT_FOUND when not visible.
import "server-only";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { serviceColumns, type Service } from "./service-record";

export async function getService(db: Db, serviceId: string): Promise<Service> {
  const { rows } = await db.query<Service>(
    `select ${serviceColumns} from public.services s join public.clinics c on c.id = s.clinic_id where s.id = $1`,
    [serviceId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "That service was not found.", { fields: { serviceId: ["Not found."] } });
  return row;
}
