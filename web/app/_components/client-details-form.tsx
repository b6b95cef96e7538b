"use client";
// Contact details, preferences and consents. Used by a client for themselves (PATCH /me) and by staff to
// create (POST /clients) or edit (PATCH /clients/[id]) a client; only staff may set the email.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import type { ClientRecord } from "@/lib/clients/client-record";
import { translator, type Locale } from "@/lib/i18n";
import { clientMessages } from "@/lib/i18n/messages/clients";
import { CheckboxField, SelectField } from "@/app/_components/inputs";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { textOrNull } from "./form-values";

type Mode = { kind: "self" } | { kind: "staff-create" } | { kind: "staff-edit"; clientId: string };

export function ClientDetailsForm(props: {
  locale: Locale;
  clinicSlug: string;
  mode: Mode;
  client?: ClientRecord;
  submitLabel?: string;
}) {
  const t = translator(props.locale, clientMessages);
  const router = useRouter();
  const { mode, client } = props;
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }),
  );
  const [saved, setSaved] = useState(false);

  /** An optional text field's name, the client's current value and its error. */
  const bound = (key: "email" | "phone" | "address") => ({
    name: key,
    defaultValue: client?.[key] ?? "",
    error: fields[key],
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, unknown> = {
      fullName: String(form.get("fullName") ?? ""),
      phone: textOrNull(form, "phone"),
      address: textOrNull(form, "address"),
      locale: textOrNull(form, "locale"),
      preferredChannel: String(form.get("preferredChannel") ?? "email"),
      emailReminders: form.get("emailReminders") === "on",
      smsReminders: form.get("smsReminders") === "on",
      marketingOptIn: form.get("marketingOptIn") === "on",
    };
    if (mode.kind !== "self") body.email = textOrNull(form, "email");
    const base = `/api/clinics/${props.clinicSlug}`;
    setSaved(false);
    const r = await submit(() =>
      mode.kind === "self"
        ? callApi<{ client?: ClientRecord }>(`${base}/me`, { method: "PATCH", body })
        : mode.kind === "staff-edit"
          ? callApi<{ client?: ClientRecord }>(`${base}/clients/${mode.clientId}`, { method: "PATCH", body })
          : callApi<{ client?: ClientRecord }>(`${base}/clients`, { method: "POST", body }),
    );
    if (!r?.ok) return;
    if (mode.kind === "staff-create" && r.data.client) {
      router.push(`/${props.clinicSlug}/staff/clients/${r.data.client.id}`);
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{t("profile.saved")}</FormNotice> : null}
      <Field
        label={t("profile.fullName")}
        name="fullName"
        required
        maxLength={120}
        autoComplete="name"
        defaultValue={client?.fullName}
        error={fields.fullName}
      />
      {mode.kind === "self" ? (
        <Field
          label={t("profile.email")}
          name="email-readonly"
          readOnly
          value={client?.email ?? ""}
          hint={t("profile.emailHint")}
        />
      ) : (
        <Field label={t("staff.emailOptional")} {...bound("email")} type="email" maxLength={254} />
      )}
      <Field label={t("profile.phone")} {...bound("phone")} type="tel" autoComplete="tel" maxLength={32} />
      <Field label={t("profile.address")} {...bound("address")} autoComplete="street-address" maxLength={300} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label={t("profile.language")}
          name="locale"
          defaultValue={client?.locale ?? ""}
          options={[
            { value: "", label: t("profile.languageDefault") },
            { value: "en", label: "English" },
            { value: "es", label: "Español" },
          ]}
          error={fields.locale}
        />
        <SelectField
          label={t("profile.channel")}
          name="preferredChannel"
          defaultValue={client?.preferredChannel ?? "email"}
          options={[
            { value: "email", label: t("profile.channel.email") },
            { value: "sms", label: t("profile.channel.sms") },
          ]}
          error={fields.preferredChannel}
        />
      </div>
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("profile.consents")}</legend>
        <CheckboxField
          label={t("profile.emailReminders")}
          name="emailReminders"
          defaultChecked={client?.emailReminders ?? true}
        />
        <CheckboxField
          label={t("profile.smsReminders")}
          name="smsReminders"
          defaultChecked={client?.smsReminders ?? false}
        />
        <CheckboxField
          label={t("profile.marketingOptIn")}
          name="marketingOptIn"
          defaultChecked={client?.marketingOptIn ?? false}
        />
      </fieldset>
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {props.submitLabel ?? t("profile.save")}
      </Button>
    </form>
  );
}
