// /account - the signed-in person's name and language; sign out.
import { redirect } from "next/navigation";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getSessionUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { ProfileForm } from "./profile-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(authMessages, "accountTitle");

export default async function AccountPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/account");
  const t = translator(user.locale, authMessages);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("accountTitle")}</h1>
        <p className="mt-1 break-all text-sm text-slate-600">{t("signedInAs", { email: user.email })}</p>
      </div>
      <ProfileForm locale={user.locale} name={user.name} />
      <SignOutButton label={t("signOut")} className="w-full" />
    </div>
  );
}
