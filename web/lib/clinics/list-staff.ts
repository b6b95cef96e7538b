// The clinic's team with names and emails, for its staff (public.list_staff checks the role).
import "server-only";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import type { StaffRole } from "./permissions";
import "./rpc-types";

export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  role: StaffRole;
  joinedAt: string;
}

export async function listStaff(db: Db, clinicId: string): Promise<StaffMember[]> {
  const rows = await rpc(db, "list_staff", { p_clinic_id: clinicId });
  return rows.map((r) => ({
    userId: r.user_id,
    name: r.name,
    email: r.email,
    role: r.role,
    joinedAt: r.joined_at.toISOString(),
  }));
}
