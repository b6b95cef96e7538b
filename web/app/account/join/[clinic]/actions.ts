"use server";
// Server action: register the signed-in person as a client of the clinic, then open its portal.
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { registerAsClient } from "@/lib/clients/register-as-client";
import { withUser } from "@/lib/db/context";

export async function joinClinic(form: FormData): Promise<void> {
  const slug = String(form.get("clinic") ?? "").toLowerCase();
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/account/join/${slug}`)}`);
  if (!/^[a-z0-9-]{3,40}$/.test(slug)) redirect("/account");
  await withUser(user, (db) => registerAsClient(db, slug, { fullName: user.name }));
  redirect(`/${slug}/portal`);
}
