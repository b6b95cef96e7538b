// /forgot-password - ask for a reset link (mailed through the outbox).
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { devMailboxEnabled } from "@/lib/env";
import { ForgotPasswordForm } from "./forgot-password-form";
import { pageTitle } from "@/lib/i18n/page-title";
import { authMessages } from "@/lib/i18n/messages/auth";

export const generateMetadata = pageTitle(authMessages, "forgotTitle");

export default async function ForgotPasswordPage() {
  const locale = await getRequestLocale();
  return <ForgotPasswordForm locale={locale} devMailbox={devMailboxEnabled()} />;
}
