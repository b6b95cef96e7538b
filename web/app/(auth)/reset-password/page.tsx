// /reset-password?token=... - choose a new password (better-auth redirects here from the mailed link).
import Link from "next/link";
import { FormError } from "@/app/_components/form-error";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { translator } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { ResetPasswordForm } from "./reset-password-form";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(authMessages, "resetTitle");

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const locale = await getRequestLocale();
  const token = typeof sp.token === "string" && sp.token.length <= 512 ? sp.token : null;
  if (!token || sp.error) {
    const t = translator(locale, authMessages);
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
        <FormError message={t("resetInvalid")} />
        <Link className="block text-brand-700 underline" href="/forgot-password">
          {t("forgotSubmit")}
        </Link>
      </div>
    );
  }
  return <ResetPasswordForm locale={locale} token={token} />;
}
