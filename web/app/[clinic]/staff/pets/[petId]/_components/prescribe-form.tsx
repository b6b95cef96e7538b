"use client";
// A vet writes a prescription: medication, dose, directions, quantity per fill, refills, expiry.
import { useRouter } from "next/navigation";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { TextAreaField } from "@/app/_components/inputs";
import { numberOrText as num } from "@/app/_components/form-values";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { useSave } from "../../../_components/use-save";

interface Props {
  locale: Locale;
  clinicSlug: string;
  petId: string;
  /** Where to go once it is saved. */
  doneHref: string;
  defaultExpiresOn: string;
}

export function PrescribeForm({ locale, clinicSlug, petId, doneHref, defaultExpiresOn }: Props) {
  const t = translator(locale, clinicalMessages);
  const router = useRouter();
  const { pending, error, fields, save } = useSave(locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = {
      medication: String(form.get("medication") ?? ""),
      dose: String(form.get("dose") ?? ""),
      directions: String(form.get("directions") ?? ""),
      unit: String(form.get("unit") ?? ""),
      quantityPerFill: num(form, "quantityPerFill"),
      refills: num(form, "refills"),
      expiresOn: String(form.get("expiresOn") ?? ""),
    };
    if (await save(`/api/clinics/${clinicSlug}/pets/${petId}/prescriptions`, "POST", body)) router.push(doneHref);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      <Field label={t("rx.medication")} name="medication" maxLength={200} required error={fields.medication} />
      <Field label={t("rx.dose")} name="dose" maxLength={200} required error={fields.dose} />
      <TextAreaField label={t("rx.directions")} name="directions" maxLength={2000} error={fields.directions} />
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t("rx.quantityPerFill")}
          name="quantityPerFill"
          inputMode="numeric"
          required
          error={fields.quantityPerFill}
        />
        <Field label={t("rx.unit")} name="unit" maxLength={30} defaultValue="" error={fields.unit} />
        <Field label={t("rx.refills")} name="refills" inputMode="numeric" defaultValue="0" error={fields.refills} />
        <Field
          label={t("rx.expiresOn")}
          name="expiresOn"
          type="date"
          defaultValue={defaultExpiresOn}
          error={fields.expiresOn}
        />
      </div>
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {t("rx.prescribe")}
      </Button>
    </form>
  );
}
