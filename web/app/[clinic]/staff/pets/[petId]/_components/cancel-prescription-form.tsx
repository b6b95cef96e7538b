"use client";
// A vet cancels a prescription; the reason is required and kept with it.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { useSave } from "../../../_components/use-save";

export function CancelPrescriptionForm(props: { locale: Locale; clinicSlug: string; prescriptionId: string }) {
  const t = translator(props.locale, clinicalMessages);
  const { pending, error, fields, save } = useSave(props.locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
    await save(`/api/clinics/${props.clinicSlug}/prescriptions/${props.prescriptionId}/cancel`, "POST", { reason });
  }

  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-red-700">{t("rx.cancel")}</summary>
      <form onSubmit={onSubmit} className="mt-3 space-y-2" noValidate>
        <FormError message={error} />
        <Field label={t("rx.cancelReason")} name="reason" maxLength={500} error={fields.reason} />
        <Button type="submit" pending={pending} variant="danger">
          {t("rx.cancelConfirm")}
        </Button>
      </form>
    </details>
  );
}
