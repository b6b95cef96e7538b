// /sign-out - confirm and sign out (a POST to better-auth; a GET never signs anyone out).
import { redirect } from "next/navigation";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { getSessionUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(authMessages, "signOutTitle");

export default async function SignOutPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = translator(await getRequestLocale(), authMessages);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("signOutTitle")}</h1>
      <p className="text-slate-600">{t("signedInAs", { email: user.email })}</p>
      <SignOutButton label={t("signOut")} variant="primary" className="w-full" />
    </div>
  );
}
