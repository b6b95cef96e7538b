// /account/join/[clinic] - a signed-in person confirms becoming a client of the clinic (where the
// verification mail of a `/sign-up?clinic=` lands). A POST, so a link alone never registers anyone.
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Button } from "@/app/_components/button";
import { findClinicBySlug } from "@/lib/auth/find-clinic-by-slug";
import { getSessionUser } from "@/lib/auth/session";
import { asAnonymous } from "@/lib/db/context";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { joinClinic } from "./actions";

export const metadata: Metadata = { title: "Join clinic" };

export default async function JoinClinicPage({ params }: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await params;
  const clinic = await asAnonymous((db) => findClinicBySlug(db, slug.toLowerCase()));
  if (!clinic) notFound();
  const user = await getSessionUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(`/account/join/${clinic.slug}`)}`);
  const t = translator(user.locale, authMessages);
  return (
    <form action={joinClinic} className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("joinTitle", { clinic: clinic.name })}</h1>
      <p className="text-slate-600">{t("joinBody", { clinic: clinic.name })}</p>
      <input type="hidden" name="clinic" value={clinic.slug} />
      <Button type="submit" className="w-full">
        {t("joinSubmit", { clinic: clinic.name })}
      </Button>
    </form>
  );
}
