"use client";
// Sets the new password with the mailed token; all other sessions are revoked by better-auth.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { authErrorKey, authPost } from "@/lib/auth/auth-request";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages, type AuthMessageKey } from "@/lib/i18n/messages/auth";

export function ResetPasswordForm({ locale, token }: { locale: Locale; token: string }) {
  const t = translator(locale, authMessages);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AuthMessageKey | null>(null);
  const [done, setDone] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const newPassword = String(new FormData(e.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    const r = await authPost("/reset-password", { newPassword, token });
    setPending(false);
    if (!r.ok) return setError(authErrorKey(r));
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
      <Field
        label={t("newPassword")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        hint={t("passwordHint")}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("resetSubmit")}
      </Button>
    </form>
  );
}
