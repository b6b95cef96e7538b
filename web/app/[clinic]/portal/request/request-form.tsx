"use client";
// The "nothing fits" form: pet, service, up to three preferred dates, time of day and a note.
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import { SelectField, TextAreaField } from "@/app/_components/inputs";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";

interface RequestFormProps {
  locale: Locale;
  clinicSlug: string;
  today: string;
  pets: { id: string; name: string }[];
  services: { id: string; name: string }[];
}

export function RequestForm({ locale, clinicSlug, today, pets, services }: RequestFormProps) {
  const t = translator(locale, appointmentMessages);
  const ts = translator(locale, scheduleMessages);
  const { pending, error, fields, submit } = useApiSubmit(
    describeWith({ fixErrors: t("form.fixErrors"), failed: t("form.failed") }),
  );
  const [sent, setSent] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const preferredDates = form.getAll("preferredDate").map(String).filter(Boolean);
    const body = {
      petId: String(form.get("petId") ?? ""),
      serviceId: String(form.get("serviceId") ?? ""),
      preferredDates,
      timeOfDay: String(form.get("timeOfDay") ?? "any"),
      note: String(form.get("note") ?? "").trim() || null,
    };
    const r = await submit(() => callApi(`/api/clinics/${clinicSlug}/booking-requests`, { method: "POST", body }));
    if (r?.ok) setSent(true);
  }

  if (sent) return <FormNotice>{t("request.sent")}</FormNotice>;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormError message={error} />
      <SelectField
        label={t("book.pet")}
        name="petId"
        options={pets.map((p) => ({ value: p.id, label: p.name }))}
        error={fields.petId}
      />
      <SelectField
        label={t("book.service")}
        name="serviceId"
        options={services.map((s) => ({ value: s.id, label: s.name }))}
        error={fields.serviceId}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("request.dates")}</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {[1, 2, 3].map((n) => (
            <Field key={n} label={`${ts("sch.date")} ${n}`} name="preferredDate" type="date" min={today} />
          ))}
        </div>
        {fields.preferredDates ? <p className="text-sm text-red-700">{fields.preferredDates[0]}</p> : null}
      </fieldset>
      <SelectField
        label={t("request.timeOfDay")}
        name="timeOfDay"
        defaultValue="any"
        options={(["any", "morning", "afternoon", "evening"] as const).map((v) => ({ value: v, label: t(`tod.${v}`) }))}
        error={fields.timeOfDay}
      />
      <TextAreaField label={t("request.note")} name="note" maxLength={1000} error={fields.note} />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {t("request.send")}
      </Button>
    </form>
  );
}
