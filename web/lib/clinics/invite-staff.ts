// Owners and admins invite a person by email with a role; the one-time link goes out through the outbox
// (public.invite_staff), and only its hash is stored. Only owners may invite owners.
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import { staffRoles } from "./permissions";
import "./rpc-types";

export const inviteStaffInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254)),
  role: z.enum(staffRoles, "Choose owner, admin, vet or receptionist."),
});
export type InviteStaffInput = z.output<typeof inviteStaffInput>;

export interface Invitation {
  id: string;
  email: string;
  role: (typeof staffRoles)[number];
  expiresAt: string;
}

export async function inviteStaff(db: Db, clinicId: string, input: InviteStaffInput): Promise<Invitation> {
  const row = await rpcOne(db, "invite_staff", { p_clinic_id: clinicId, p_email: input.email, p_role: input.role });
  if (!row) throw new AppError("INTERNAL", "The invitation was not created.");
  return { id: row.id, email: row.email, role: row.role, expiresAt: row.expires_at.toISOString() };
}
