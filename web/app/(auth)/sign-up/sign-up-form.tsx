"use client";
// Sign-up form: creates the account; the verification mail carries the page to land on afterwards.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { NewPasswordField } from "../_components/new-password-field";
import { useAuthPost } from "../_components/use-auth-post";

interface Props {
  locale: Locale;
  clinic: { slug: string; name: string } | null;
  next: string;
  devMailbox: boolean;
}

export function SignUpForm({ locale, clinic, next, devMailbox }: Props) {
  const t = translator(locale, authMessages);
  const { pending, error, setError, post } = useAuthPost();
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const name = String(form.get("name") ?? "").trim();
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!name) return setError("nameRequired");
    const callbackURL = `/verify-email?next=${encodeURIComponent(next)}`;
    const r = await post("/sign-up/email", { name, email, password, locale, callbackURL });
    if (!r.ok) return;
    setSentTo(email);
  }

  if (sentTo) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("checkEmailTitle")}</h1>
        <FormNotice>{t("checkEmailBody", { email: sentTo })}</FormNotice>
        {devMailbox ? (
          <a className="block text-brand-700 underline" href={`/dev/mailbox?to=${encodeURIComponent(sentTo)}`}>
            {t("devMailboxLink")}
          </a>
        ) : null}
        <Link className="block text-sm text-slate-600 underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          {t("backToSignIn")}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <h1 className="text-2xl font-semibold">{t("signUpTitle")}</h1>
      {clinic ? <p className="text-slate-600">{t("signUpForClinic", { clinic: clinic.name })}</p> : null}
      <FormError message={error ? t(error) : null} />
      <Field label={t("name")} name="name" autoComplete="name" required maxLength={120} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required maxLength={320} />
      <NewPasswordField label={t("password")} hint={t("passwordHint")} />
      <Button type="submit" pending={pending} className="w-full">
        {t("signUpSubmit")}
      </Button>
      <p className="text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link className="text-brand-700 underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
          {t("signInTitle")}
        </Link>
      </p>
    </form>
  );
}
