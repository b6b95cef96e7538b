// Pending (not accepted, not expired) staff invitations, for owners and admins.
import "server-only";
import type { Db } from "@/lib/db/types";
import type { StaffRole } from "./permissions";

export interface PendingInvitation {
  id: string;
  email: string;
  role: StaffRole;
  expiresAt: string;
  createdAt: string;
}

export async function listInvitations(db: Db, clinicId: string): Promise<PendingInvitation[]> {
  // RLS would return an empty list to others; say so instead of pretending there are none.
  await db.query("select private.require_clinic_role($1, array['owner', 'admin']::public.staff_role[])", [clinicId]);
  const { rows } = await db.query<{ id: string; email: string; role: StaffRole; expires_at: Date; created_at: Date }>(
    `select id, email::text as email, role, expires_at, created_at
       from public.clinic_invitations
      where clinic_id = $1 and accepted_at is null and expires_at > now()
      order by created_at desc`,
    [clinicId],
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  }));
}
