// Owners and admins remove a team member (public.remove_staff locks the owners, so the last owner stays).
import "server-only";
import { z } from "zod";
import { rpc } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import "./rpc-types";

export const removeStaffInput = z.object({ userId: z.uuid("Not a valid member id.") });

export async function removeStaff(db: Db, clinicId: string, userId: string): Promise<void> {
  await rpc(db, "remove_staff", { p_clinic_id: clinicId, p_user_id: userId });
}
