"use client";
// Owners and admins choose when vaccine reminders go out: days before the due date, and one overdue reminder.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import type { VaccineReminderSettings } from "@/lib/vaccinations/vaccine-reminder-settings";
import { useSave } from "../_components/use-save";

/** "30, 7" -> [30, 7]; anything that is not a number is sent as typed so the server names the field. */
function parseDays(raw: string): unknown[] {
  return raw
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function VaccineRemindersForm(props: { locale: Locale; clinicSlug: string; settings: VaccineReminderSettings }) {
  const t = translator(props.locale, clinicalMessages);
  const { pending, error, fields, saved, save } = useSave(props.locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const overdue = String(form.get("overdueDays") ?? "").trim();
    await save(`/api/clinics/${props.clinicSlug}/vaccine-reminder-settings`, "PUT", {
      offsetsDays: parseDays(String(form.get("offsetsDays") ?? "")),
      overdueDays: overdue === "" ? null : /^\d+$/.test(overdue) ? Number(overdue) : overdue,
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{t("vl.saved")}</FormNotice> : null}
      <Field
        label={t("vr.offsets")}
        name="offsetsDays"
        hint={t("vr.offsetsHint")}
        defaultValue={props.settings.offsetsDays.join(", ")}
        error={fields.offsetsDays}
      />
      <Field
        label={t("vr.overdue")}
        name="overdueDays"
        inputMode="numeric"
        hint={t("vr.overdueHint")}
        defaultValue={props.settings.overdueDays ?? ""}
        error={fields.overdueDays}
      />
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {t("vl.save")}
      </Button>
    </form>
  );
}
