// Numbers for the staff home page, counted in SQL (no rows shipped to Node, no silent limits).
import "server-only";
import type { Db } from "@/lib/db/types";

export interface StaffHomeCounts {
  clients: number;
  pets: number;
  team: number;
}

export async function getStaffHomeCounts(db: Db, clinicId: string): Promise<StaffHomeCounts> {
  await db.query("select private.require_clinic_role($1)", [clinicId]);
  const { rows } = await db.query<StaffHomeCounts>(
    `select (select count(*) from public.clients where clinic_id = $1) as clients,
            (select count(*) from public.pets where clinic_id = $1 and archived_at is null) as pets,
            (select count(*) from public.clinic_memberships where clinic_id = $1) as team`,
    [clinicId],
  );
  return rows[0] ?? { clients: 0, pets: 0, team: 0 };
}
