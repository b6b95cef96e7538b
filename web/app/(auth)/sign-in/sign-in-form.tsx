"use client";
// Sign-in form with clear outcomes: wrong password, unverified email (offers a new link), rate limited.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { authErrorKey, authPost } from "@/lib/auth/auth-request";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { useAuthPost } from "../_components/use-auth-post";

export function SignInForm({ locale, next }: { locale: Locale; next: string }) {
  const t = translator(locale, authMessages);
  const { pending, setPending, error, setError, post } = useAuthPost();
  const [unverifiedEmail, setUnverifiedEmail] = useState<string | null>(null);
  const [resent, setResent] = useState<string | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setResent(null);
    const r = await post("/sign-in/email", { email, password }, true);
    if (r.ok) {
      // A full navigation so every server component renders with the new session.
      window.location.assign(next);
      return;
    }
    setUnverifiedEmail(r.code === "EMAIL_NOT_VERIFIED" ? email : null);
  }

  async function resend() {
    if (!unverifiedEmail) return;
    setPending(true);
    const callbackURL = `/verify-email?next=${encodeURIComponent(next)}`;
    const r = await authPost("/send-verification-email", { email: unverifiedEmail, callbackURL });
    setPending(false);
    if (!r.ok) return setError(authErrorKey(r));
    setError(null);
    setResent(unverifiedEmail);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("signInTitle")}</h1>
      <FormError message={error ? t(error) : null}>
        {error === "unverified" && unverifiedEmail ? (
          <button type="button" onClick={resend} disabled={pending} className="mt-2 block font-medium underline">
            {t("resendVerification")}
          </button>
        ) : null}
      </FormError>
      {resent ? <FormNotice>{t("verificationResent", { email: resent })}</FormNotice> : null}
      <Field label={t("email")} name="email" type="email" autoComplete="email" required maxLength={320} />
      <Field
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
      />
      <Button type="submit" pending={pending} className="w-full">
        {t("signInSubmit")}
      </Button>
      <div className="flex flex-col gap-2 text-sm text-slate-600">
        <Link className="text-brand-700 underline" href="/forgot-password">
          {t("forgotLink")}
        </Link>
        <p>
          {t("noAccount")}{" "}
          <Link className="text-brand-700 underline" href={`/sign-up?next=${encodeURIComponent(next)}`}>
            {t("createAccount")}
          </Link>
        </p>
      </div>
    </form>
  );
}
