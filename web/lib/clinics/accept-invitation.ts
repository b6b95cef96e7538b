// The signed-in person accepts a staff invitation mailed to their address (public.accept_invitation).
import "server-only";
import { z } from "zod";
import { rpcOne } from "@/lib/db/rpc";
import type { Db } from "@/lib/db/types";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "./permissions";
import "./rpc-types";

export const acceptInvitationInput = z.object({
  token: z.string().regex(/^[0-9a-f]{64}$/, "This invitation link is not valid."),
});

export async function acceptInvitation(
  db: Db,
  token: string,
): Promise<{ clinicId: string; clinicSlug: string; role: StaffRole }> {
  const row = await rpcOne(db, "accept_invitation", { p_token: token });
  if (!row) throw new AppError("NOT_FOUND", "This invitation link is invalid or has expired.");
  return { clinicId: row.clinic_id, clinicSlug: row.clinic_slug, role: row.role };
}
