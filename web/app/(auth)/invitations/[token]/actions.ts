"use server";
// Server action: the signed-in person accepts the invitation, then opens the clinic's staff area.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { acceptInvitation, acceptInvitationInput } from "@/lib/clinics/accept-invitation";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";

export async function acceptInvitationAction(form: FormData): Promise<void> {
  const parsed = acceptInvitationInput.safeParse({ token: form.get("token") });
  const here = `/invitations/${encodeURIComponent(String(form.get("token") ?? ""))}`;
  if (!parsed.success) redirect(`${here}?error=invalid`);
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  let slug: string;
  try {
    slug = (await withUser(user, (db) => acceptInvitation(db, parsed.data.token))).clinicSlug;
  } catch (err) {
    if (isAppError(err) && err.code === "INVITATION_WRONG_ACCOUNT") redirect(`${here}?error=wrong_account`);
    if (isAppError(err) && (err.code === "INVITATION_INVALID" || err.code === "NOT_FOUND"))
      redirect(`${here}?error=invalid`);
    throw err;
  }
  redirect(`/${slug}/staff`);
}
