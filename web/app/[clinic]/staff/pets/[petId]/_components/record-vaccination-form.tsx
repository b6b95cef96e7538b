"use client";
// Record a vaccination given today (or earlier): vaccine, batch, date; the next due date defaults from the
// vaccine's interval on the server when left empty.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { SelectField } from "@/app/_components/inputs";
import { textOrNull } from "@/app/_components/form-values";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { useSave } from "../../../_components/use-save";

interface Props {
  locale: Locale;
  clinicSlug: string;
  petId: string;
  today: string;
  vaccines: { id: string; name: string; intervalDays: number }[];
}

export function RecordVaccinationForm({ locale, clinicSlug, petId, today, vaccines }: Props) {
  const t = translator(locale, clinicalMessages);
  const { pending, error, fields, saved, save } = useSave(locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const batch = textOrNull(form, "batch");
    const body = {
      vaccineId: String(form.get("vaccineId") ?? ""),
      givenOn: String(form.get("givenOn") ?? ""),
      nextDueOn: textOrNull(form, "nextDueOn"),
      ...(batch ? { batch } : {}),
    };
    if (await save(`/api/clinics/${clinicSlug}/pets/${petId}/vaccinations`, "POST", body)) formEl.reset();
  }

  if (vaccines.length === 0) return <p className="text-sm text-slate-600">{t("vx.noVaccines")}</p>;
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label={t("vx.record")}>
      <FormError message={error} />
      {saved ? <FormNotice>{t("vx.recorded")}</FormNotice> : null}
      <SelectField
        label={t("vx.vaccine")}
        name="vaccineId"
        options={vaccines.map((v) => ({ value: v.id, label: `${v.name} (${t("vl.every", { n: v.intervalDays })})` }))}
        error={fields.vaccineId}
      />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t("vx.givenOn")}
          name="givenOn"
          type="date"
          defaultValue={today}
          max={today}
          error={fields.givenOn}
        />
        <Field label={t("vx.batch")} name="batch" maxLength={80} error={fields.batch} />
      </div>
      <Field label={t("vx.nextDueOn")} name="nextDueOn" type="date" error={fields.nextDueOn} />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {t("vx.record")}
      </Button>
    </form>
  );
}
