"use client";
// Hand out (part of) a fill: quantity and batch; the server refuses more than a fill or than remains.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { numberOrText as num } from "@/app/_components/form-values";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { useSave } from "../../../_components/use-save";

interface Props {
  locale: Locale;
  clinicSlug: string;
  prescriptionId: string;
  quantityPerFill: number;
  quantityRemaining: number;
}

export function DispenseForm({ locale, clinicSlug, prescriptionId, quantityPerFill, quantityRemaining }: Props) {
  const t = translator(locale, clinicalMessages);
  const { pending, error, fields, saved, save } = useSave(locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const batch = String(form.get("batch") ?? "").trim();
    const body = { quantity: num(form, "quantity"), ...(batch ? { batch } : {}) };
    await save(`/api/clinics/${clinicSlug}/prescriptions/${prescriptionId}/dispense`, "POST", body);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate aria-label={t("rx.dispense")}>
      <FormError message={error} />
      {saved ? <FormNotice>{t("rx.dispensed")}</FormNotice> : null}
      <div className="grid grid-cols-2 gap-3">
        <Field
          label={t("rx.quantity")}
          name="quantity"
          inputMode="numeric"
          defaultValue={String(Math.min(quantityPerFill, quantityRemaining))}
          error={fields.quantity}
        />
        <Field label={t("rx.batch")} name="batch" maxLength={80} error={fields.batch} />
      </div>
      <Button type="submit" pending={pending} variant="secondary">
        {t("rx.dispense")}
      </Button>
    </form>
  );
}
