"use client";
// Requests a reset link. The answer is the same whether or not the account exists (no account probing).
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { useAuthPost } from "../_components/use-auth-post";

export function ForgotPasswordForm({ locale, devMailbox }: { locale: Locale; devMailbox: boolean }) {
  const t = translator(locale, authMessages);
  const { pending, error, post } = useAuthPost();
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const email = String(new FormData(e.currentTarget).get("email") ?? "").trim();
    const r = await post("/request-password-reset", { email, redirectTo: "/reset-password" });
    if (!r.ok) return;
    setSentTo(email);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("forgotTitle")}</h1>
      <p className="text-slate-600">{t("forgotBody")}</p>
      <FormError message={error ? t(error) : null} />
      {sentTo ? (
        <FormNotice>
          {t("forgotSent", { email: sentTo })}
          {devMailbox ? (
            <a className="mt-2 block underline" href={`/dev/mailbox?to=${encodeURIComponent(sentTo)}`}>
              {t("devMailboxLink")}
            </a>
          ) : null}
        </FormNotice>
      ) : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required maxLength={320} />
      <Button type="submit" pending={pending} className="w-full">
        {t("forgotSubmit")}
      </Button>
      <Link className="block text-sm text-brand-700 underline" href="/sign-in">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}
