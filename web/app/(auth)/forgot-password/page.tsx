// /forgot-password - ask for a reset link (mailed through the outbox).
import type { Metadata } from "next";
import { getRequestLocale } from "@/lib/auth/get-request-locale";
import { devMailboxEnabled } from "@/lib/env";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default async function ForgotPasswordPage() {
  const locale = await getRequestLocale();
  return <ForgotPasswordForm locale={locale} devMailbox={devMailboxEnabled()} />;
}
