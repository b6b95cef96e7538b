// Who performs a service: the given vets exactly (others removed, new ones added, repeats ignored).
import "server-only";
import type { Db } from "@/lib/db/types";

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
