"use client";
// The clinic's legal details and tax mode, and its tax rates (percent typed, basis points sent).
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { CheckboxField, SelectField } from "@/app/_components/inputs";
import type { BillingSettings } from "@/lib/billing/billing-settings";
import type { TaxRate } from "@/lib/billing/tax-rates";
import { translator, type Locale } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { useSave } from "../../_components/use-save";

export function BillingSettingsForm(props: {
  locale: Locale;
  clinicSlug: string;
  settings: BillingSettings;
  rates: TaxRate[];
}) {
  const t = translator(props.locale, billingMessages);
  const { pending, error, fields, saved, save } = useSave(props.locale);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    await save(`/api/clinics/${props.clinicSlug}/billing-settings`, "PATCH", {
      legalName: String(form.get("legalName") ?? ""),
      taxId: String(form.get("taxId") ?? ""),
      legalAddress: String(form.get("legalAddress") ?? ""),
      pricesIncludeTax: form.get("pricesIncludeTax") === "on",
      defaultTaxRateId: String(form.get("defaultTaxRateId") ?? ""),
    });
  }
  const s = props.settings;
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm"
      noValidate
      aria-labelledby="legal-heading"
    >
      <h2 id="legal-heading" className="text-lg font-semibold">
        {t("settings.legal")}
      </h2>
      <FormError message={error} />
      {saved ? <FormNotice>{t("settings.saved")}</FormNotice> : null}
      <Field
        label={t("settings.legalName")}
        name="legalName"
        maxLength={200}
        defaultValue={s.legalName ?? ""}
        error={fields.legalName}
      />
      <Field
        label={t("settings.taxId")}
        name="taxId"
        maxLength={40}
        defaultValue={s.taxId ?? ""}
        error={fields.taxId}
      />
      <Field
        label={t("settings.legalAddress")}
        name="legalAddress"
        maxLength={300}
        defaultValue={s.legalAddress ?? ""}
        error={fields.legalAddress}
      />
      <CheckboxField
        label={t("settings.pricesIncludeTax")}
        name="pricesIncludeTax"
        defaultChecked={s.pricesIncludeTax}
      />
      <SelectField
        label={t("settings.defaultTaxRate")}
        name="defaultTaxRateId"
        defaultValue={s.defaultTaxRateId ?? ""}
        error={fields.defaultTaxRateId}
        options={[
          { value: "", label: t("settings.noDefault") },
          ...props.rates
            .filter((r) => !r.archived || r.id === s.defaultTaxRateId)
            .map((r) => ({ value: r.id, label: r.name })),
        ]}
      />
      <Button type="submit" pending={pending}>
        {t("settings.save")}
      </Button>
    </form>
  );
}

export function TaxRatesEditor(props: { locale: Locale; clinicSlug: string; rates: TaxRate[] }) {
  const t = translator(props.locale, billingMessages);
  const { pending, error, fields, save } = useSave(props.locale);
  const base = `/api/clinics/${props.clinicSlug}/tax-rates`;
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const raw = String(form.get("percent") ?? "")
      .trim()
      .replace(",", ".");
    const pct = Number(raw);
    const ok = await save(base, "POST", {
      name: String(form.get("name") ?? ""),
      basisPoints: raw !== "" && Number.isFinite(pct) ? Math.round(pct * 100) : raw,
    });
    if (ok) formEl.reset();
  }
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="rates-heading">
      <h2 id="rates-heading" className="text-lg font-semibold">
        {t("settings.rates")}
      </h2>
      <FormError message={error} />
      {props.rates.length === 0 ? <p className="text-sm text-slate-600">{t("settings.noRates")}</p> : null}
      <ul className="divide-y divide-slate-100">
        {props.rates.map((r) => (
          <li key={r.id} className="flex items-center justify-between gap-2 py-2">
            <span>
              {r.name} · {r.basisPoints / 100}%
            </span>
            <Button variant="secondary" pending={pending} onClick={() => void save(`${base}/${r.id}`, "DELETE")}>
              {t("settings.archive", { name: r.name })}
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={onSubmit} className="grid items-end gap-2 sm:grid-cols-3" noValidate>
        <Field label={t("settings.rateName")} name="name" maxLength={60} error={fields.name} />
        <Field label={t("settings.ratePercent")} name="percent" inputMode="decimal" error={fields.basisPoints} />
        <Button type="submit" pending={pending}>
          {t("settings.addRate")}
        </Button>
      </form>
    </section>
  );
}
