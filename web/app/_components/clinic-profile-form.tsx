"use client";
// The clinic profile form, used to create a clinic (/new-clinic) and to edit one (settings).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { LabelledSelect } from "@/app/_components/inputs";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { commonTimeZones } from "@/lib/clinics/time-zones";
import { translator, type Locale } from "@/lib/i18n";
import { clinicMessages } from "@/lib/i18n/messages/clinics";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";
import { clinicErrorMessage } from "./clinic-error-message";

export interface ClinicProfileValues {
  slug: string;
  name: string;
  timeZone: string;
  currency: string;
  defaultLocale: "en" | "es";
  email: string;
  phone: string;
  address: string;
}

const OTHER = "__other__";
const selectClass =
  "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

type Props = { locale: Locale; initial: ClinicProfileValues } & ({ mode: "create" } | { mode: "update"; slug: string });

export function ClinicProfileForm(props: Props) {
  const { locale, initial } = props;
  const t = translator(locale, clinicMessages);
  const router = useRouter();
  const isCommon = (commonTimeZones as readonly string[]).includes(initial.timeZone);
  const [values, setValues] = useState(initial);
  const [zoneChoice, setZoneChoice] = useState(isCommon ? initial.timeZone : OTHER);
  const { pending, error, fields, submit } = useApiSubmit(clinicErrorMessage(locale));
  const [notice, setNotice] = useState<string | null>(null);

  const set = (key: keyof ClinicProfileValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));
  /** A text field's name, value, change handler and error, all keyed by one form value. */
  const bound = (key: keyof ClinicProfileValues) => ({
    name: key,
    value: values[key],
    onChange: set(key),
    error: fields[key],
  });

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setNotice(null);
    const { slug, ...profile } = values;
    const result = await submit(() =>
      props.mode === "create"
        ? callApi<{ clinic: { slug: string } }>("/api/clinics", { method: "POST", body: { slug, ...profile } })
        : callApi<{ clinic: { slug: string } }>(`/api/clinics/${props.slug}`, { method: "PATCH", body: profile }),
    );
    if (!result?.ok) return;
    if (props.mode === "create") {
      router.push(`/${result.data.clinic.slug}/staff`);
    } else {
      setNotice(t("settings.saved"));
      router.refresh();
    }
  }

  const optional = ` (${t("form.optional")})`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={error} />
      {notice ? <FormNotice>{notice}</FormNotice> : null}
      <Field label={t("form.name")} {...bound("name")} required maxLength={120} autoComplete="organization" />
      {props.mode === "create" ? (
        <Field
          label={t("form.slug")}
          {...bound("slug")}
          hint={t("form.slugHint", { slug: values.slug || "my-clinic" })}
          required
          maxLength={40}
          autoCapitalize="none"
          spellCheck={false}
        />
      ) : null}
      <LabelledSelect
        label={t("form.timeZone")}
        id="timeZoneChoice"
        className={selectClass}
        value={zoneChoice}
        onChange={(e) => {
          setZoneChoice(e.target.value);
          if (e.target.value !== OTHER) setValues((v) => ({ ...v, timeZone: e.target.value }));
        }}
        error={zoneChoice !== OTHER ? fields.timeZone?.[0] : null}
      >
        {commonTimeZones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
        <option value={OTHER}>{t("form.timeZoneOther")}</option>
      </LabelledSelect>
      {zoneChoice === OTHER ? (
        <Field
          label={t("form.timeZoneCustom")}
          {...bound("timeZone")}
          required
          autoCapitalize="none"
          spellCheck={false}
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("form.currency")} {...bound("currency")} required maxLength={3} autoCapitalize="characters" />
        <LabelledSelect
          label={t("form.defaultLocale")}
          id="defaultLocale"
          name="defaultLocale"
          className={selectClass}
          value={values.defaultLocale}
          onChange={set("defaultLocale")}
        >
          <option value="en">{t("lang.en")}</option>
          <option value="es">{t("lang.es")}</option>
        </LabelledSelect>
      </div>
      <Field label={t("form.email") + optional} {...bound("email")} type="email" autoComplete="email" />
      <Field label={t("form.phone") + optional} {...bound("phone")} type="tel" autoComplete="tel" />
      <Field label={t("form.address") + optional} {...bound("address")} maxLength={300} autoComplete="street-address" />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {pending ? t("form.saving") : props.mode === "create" ? t("new.submit") : t("settings.save")}
      </Button>
    </form>
  );
}
