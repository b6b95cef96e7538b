"use client";
// Edits name and language; the language applies to pages and to mails sent to this person.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { LabelledSelect } from "@/app/_components/inputs";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { authMessages } from "@/lib/i18n/messages/auth";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function ProfileForm({ locale, name }: { locale: Locale; name: string }) {
  const t = translator(locale, authMessages);
  const router = useRouter();
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("genericError"));
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaved(false);
    const body = { name: String(form.get("name") ?? ""), locale: String(form.get("locale") ?? locale) };
    const r = await submit(() => callApi("/api/account/profile", { method: "POST", body }));
    if (!r?.ok) return;
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormError message={error} />
      {saved ? <FormNotice>{t("saved")}</FormNotice> : null}
      <Field label={t("name")} name="name" defaultValue={name} autoComplete="name" required maxLength={120} />
      <LabelledSelect
        label={t("language")}
        id="account-locale"
        name="locale"
        defaultValue={locale}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 text-base"
      >
        <option value="en">English</option>
        <option value="es">Español</option>
      </LabelledSelect>
      <Button type="submit" pending={pending} className="w-full">
        {t("save")}
      </Button>
    </form>
  );
}
