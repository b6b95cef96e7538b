"use server";
// Server action: the signed-in person becomes a client of the clinic (idempotent), then opens its portal.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { registerAsClient } from "@/lib/clients/register-as-client";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";

export async function joinClinicAsClient(form: FormData): Promise<void> {
  const slug = String(form.get("clinic") ?? "").toLowerCase();
  if (!/^[a-z0-9-]{3,40}$/.test(slug)) redirect("/");
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/${slug}/portal/join`)}`);
  const phone = String(form.get("phone") ?? "").trim();
  try {
    await withUser(user, (db) => registerAsClient(db, slug, { fullName: user.name, phone }));
  } catch (err) {
    // Bad input comes back to the form with the field named, never as an error page.
    if (isAppError(err) && err.status < 500) {
      const field = Object.keys(err.fields ?? {})[0] ?? "_";
      redirect(`/${slug}/portal/join?error=${encodeURIComponent(field)}`);
    }
    throw err;
  }
  redirect(`/${slug}/portal`);
}
