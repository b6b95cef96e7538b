// /verify-email?next=... - where better-auth's verification link lands (it verified and signed in already),
// or `?error=...` when the link was invalid or expired.
import Link from "next/link";
import { redirect } from "next/navigation";
import { ButtonLink } from "@/app/_components/button";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { safeNext } from "@/lib/auth/safe-next";
import { getSessionUser } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(authMessages, "verifiedTitle");

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const next = safeNext(sp.next, "/account");
  const user = await getSessionUser();
  if (!sp.error && user?.emailVerified) redirect(next);
  const t = translator(await getRequestLocale(), authMessages);
  const signIn = `/sign-in?next=${encodeURIComponent(next)}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{sp.error ? t("checkEmailTitle") : t("verifiedTitle")}</h1>
      {sp.error ? <FormError message={t("verifyFailed")} /> : <FormNotice>{t("verifiedBody")}</FormNotice>}
      <ButtonLink href={signIn} className="w-full">
        {t("signInTitle")}
      </ButtonLink>
      <Link className="block text-sm text-slate-600 underline" href="/">
        {t("home")}
      </Link>
    </div>
  );
}
