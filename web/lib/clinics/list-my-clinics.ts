// Clinics where the signed-in user is staff or a client (for "your clinics" and post-sign-in routing).
import "server-only";
import type { Db } from "@/lib/db/types";
import type { StaffRole } from "./permissions";

export interface MyClinic {
  id: string;
  slug: string;
  name: string;
  role: StaffRole | null;
  isClient: boolean;
}

export async function listMyClinics(db: Db): Promise<MyClinic[]> {
  const { rows } = await db.query<MyClinic>(
    `select c.id, c.slug, c.name, m.role, (cl.id is not null) as "isClient"
       from public.clinics c
       left join public.clinic_memberships m on m.clinic_id = c.id and m.user_id = private.current_user_id()
       left join public.clients cl on cl.clinic_id = c.id and cl.user_id = private.current_user_id()
      where m.id is not null or cl.id is not null
      order by lower(c.name), c.slug`,
  );
  return rows;
}
