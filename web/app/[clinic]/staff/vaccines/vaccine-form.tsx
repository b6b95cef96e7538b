"use client";
// Add or edit a vaccine of the clinic's list: name, species (or any), interval until the next dose, in use.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { CheckboxField, SelectField } from "@/app/_components/inputs";
import { numberOrText as num } from "@/app/_components/form-values";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { petMessages } from "@/lib/i18n/messages/pets";
import { speciesValues, type Vaccine } from "@/lib/vaccinations/vaccine-record";
import { useSave } from "../_components/use-save";

export function VaccineForm({
  locale,
  clinicSlug,
  vaccine,
}: {
  locale: Locale;
  clinicSlug: string;
  vaccine?: Vaccine;
}) {
  const t = translator(locale, clinicalMessages);
  const tp = translator(locale, petMessages);
  const { pending, error, fields, saved, save } = useSave(locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const species = String(form.get("species") ?? "");
    const body = {
      name: String(form.get("name") ?? ""),
      species: species === "" ? null : species,
      intervalDays: num(form, "intervalDays"),
      active: vaccine ? form.get("active") === "on" : true,
    };
    const base = `/api/clinics/${clinicSlug}/vaccines`;
    const ok = await (vaccine ? save(`${base}/${vaccine.id}`, "PATCH", body) : save(base, "POST", body));
    if (ok && !vaccine) formEl.reset();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{t("vl.saved")}</FormNotice> : null}
      <Field label={t("vl.name")} name="name" maxLength={120} defaultValue={vaccine?.name} error={fields.name} />
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label={t("vl.species")}
          name="species"
          defaultValue={vaccine?.species ?? ""}
          options={[
            { value: "", label: t("vl.anySpecies") },
            ...speciesValues.map((s) => ({ value: s, label: tp(`species.${s}`) })),
          ]}
          error={fields.species}
        />
        <Field
          label={t("vl.intervalDays")}
          name="intervalDays"
          inputMode="numeric"
          defaultValue={vaccine?.intervalDays ?? 365}
          error={fields.intervalDays}
        />
      </div>
      {vaccine ? <CheckboxField label={t("vl.active")} name="active" defaultChecked={vaccine.active} /> : null}
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {vaccine ? t("vl.save") : t("vl.add")}
      </Button>
    </form>
  );
}
