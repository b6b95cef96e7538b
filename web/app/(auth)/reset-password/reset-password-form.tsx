"use client";
// Sets the new password with the mailed token; all other sessions are revoked by better-auth.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { NewPasswordField } from "../_components/new-password-field";
import { useAuthPost } from "../_components/use-auth-post";

export function ResetPasswordForm({ locale, token }: { locale: Locale; token: string }) {
  const t = translator(locale, authMessages);
  const { pending, error, post } = useAuthPost();
  const [done, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const newPassword = String(new FormData(e.currentTarget).get("password") ?? "");
    const r = await post("/reset-password", { newPassword, token });
    if (!r.ok) return;
    setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
        <FormNotice>{t("resetDone")}</FormNotice>
        <Link className="block text-brand-700 underline" href="/sign-in">
          {t("signInTitle")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("resetTitle")}</h1>
      <FormError message={error ? t(error) : null} />
      <NewPasswordField label={t("newPassword")} hint={t("passwordHint")} />
      <Button type="submit" pending={pending} className="w-full">
        {t("resetSubmit")}
      </Button>
    </form>
  );
}
