"use client";
// The open visit's record, written in the exam room: reason, SOAP notes and diagnoses (when the reader may
// see them), weight and vitals, and what the owner gets. One Save sends the whole form.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { CheckboxField, TextAreaField } from "@/app/_components/inputs";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import type { Visit, VisitNotes } from "@/lib/visits/visit-record";

const numberOrNull = (form: FormData, name: string) => {
  const v = String(form.get(name) ?? "").trim();
  return v === "" ? null : Number(v.replace(",", "."));
};
const text = (form: FormData, name: string) => String(form.get(name) ?? "");

export function VisitForm(props: { locale: Locale; url: string; visit: Visit; notes: VisitNotes | null }) {
  const t = translator(props.locale, visitMessages);
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("visit.fixErrors"), failed: t("visit.failed") }),
  );
  const { visit, notes } = props;

  async function save(form: FormData) {
    setSaved(false);
    const body: Record<string, unknown> = {
      reason: text(form, "reason"),
      weightKg: numberOrNull(form, "weightKg"),
      temperatureC: numberOrNull(form, "temperatureC"),
      heartRateBpm: numberOrNull(form, "heartRateBpm"),
      respiratoryRate: numberOrNull(form, "respiratoryRate"),
      summary: text(form, "summary"),
      dischargeInstructions: text(form, "dischargeInstructions"),
      sharedWithClient: form.get("sharedWithClient") === "on",
    };
    if (notes) {
      for (const k of ["subjective", "objective", "assessment", "plan"]) body[k] = text(form, k);
      body.diagnoses = text(form, "diagnoses")
        .split("\n")
        .map((d) => d.trim())
        .filter(Boolean);
    }
    const r = await submit(() => callApi(props.url, { method: "PATCH", body }));
    if (r?.ok) {
      setSaved(true);
      router.refresh();
    }
  }

  const num = (v: number | null) => (v === null ? "" : String(v));
  return (
    <form action={save} className="space-y-5" noValidate>
      <Field
        label={t("visit.reason")}
        name="reason"
        defaultValue={visit.reason ?? ""}
        error={fields.reason}
        maxLength={500}
      />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("visit.vitals")}</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {(
            [
              ["weightKg", visit.weightKg, "0.001"],
              ["temperatureC", visit.temperatureC, "0.1"],
              ["heartRateBpm", visit.heartRateBpm, "1"],
              ["respiratoryRate", visit.respiratoryRate, "1"],
            ] as const
          ).map(([name, value, step]) => (
            <Field
              key={name}
              label={t(`visit.${name}`)}
              name={name}
              type="number"
              inputMode="decimal"
              step={step}
              defaultValue={num(value)}
              error={fields[name]}
            />
          ))}
        </div>
      </fieldset>
      {notes ? (
        <fieldset className="space-y-3">
          <legend className="text-lg font-semibold">{t("visit.soap")}</legend>
          {(["subjective", "objective", "assessment", "plan"] as const).map((k) => (
            <TextAreaField
              key={k}
              label={t(`visit.${k}`)}
              name={k}
              defaultValue={notes[k] ?? ""}
              error={fields[k]}
              maxLength={10000}
            />
          ))}
          <TextAreaField
            label={`${t("visit.diagnoses")} (${t("visit.diagnosesHint")})`}
            name="diagnoses"
            defaultValue={notes.diagnoses.join("\n")}
            error={fields.diagnoses ?? Object.entries(fields).find(([k]) => k.startsWith("diagnoses."))?.[1]}
          />
        </fieldset>
      ) : (
        <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("visit.notesHidden")}</p>
      )}
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("visit.forOwner")}</legend>
        <TextAreaField
          label={t("visit.summary")}
          name="summary"
          defaultValue={visit.summary ?? ""}
          error={fields.summary}
          maxLength={4000}
        />
        <TextAreaField
          label={t("visit.dischargeInstructions")}
          name="dischargeInstructions"
          defaultValue={visit.dischargeInstructions ?? ""}
          error={fields.dischargeInstructions}
          maxLength={4000}
        />
        <CheckboxField label={t("visit.share")} name="sharedWithClient" defaultChecked={visit.sharedWithClient} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {t("visit.save")}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-green-800">
            {t("visit.saved")}
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
