"use client";
// The clinic setting that lets receptionists read SOAP notes, diagnoses and addenda (owners and admins).
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { CheckboxField } from "@/app/_components/inputs";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

export function ClinicalNotesAccessForm(props: { locale: Locale; slug: string; initial: boolean }) {
  const t = translator(props.locale, visitMessages);
  const [saved, setSaved] = useState(false);
  const { pending, error, submit } = useApiSubmit((e) => e.message || t("visit.failed"));
  async function save(form: FormData) {
    setSaved(false);
    const body = { receptionistsReadClinicalNotes: form.get("receptionistsReadClinicalNotes") === "on" };
    const r = await submit(() => callApi(`/api/clinics/${props.slug}/clinical-notes-access`, { method: "PUT", body }));
    if (r?.ok) setSaved(true);
  }
  return (
    <form action={save} className="space-y-3">
      <CheckboxField
        label={t("settings.receptionistsRead")}
        name="receptionistsReadClinicalNotes"
        defaultChecked={props.initial}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" pending={pending}>
          {t("settings.save")}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-green-800">
            {t("settings.saved")}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
