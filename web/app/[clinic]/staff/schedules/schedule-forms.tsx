"use client";
// Date override and time-off forms, a remove button for either, the clinic's booking rules and reminders forms.
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import type { ReminderSettings } from "@/lib/notifications/reminder-settings";
import type { BookingRules } from "@/lib/schedules/get-booking-rules";
import { numberOrText, textOrNull as text } from "@/app/_components/form-values";
import { CheckboxField } from "@/app/_components/inputs";
import { useSave } from "../_components/use-save";

/** Each form here saves, says "saved" and reloads the page's data, in the schedule pages' words. */
function useScheduleSave(locale: Locale) {
  return { ts: translator(locale, scheduleMessages), ...useSave(locale) };
}

/** The date override and time-off forms are for one vet, from today on. */
interface VetFormProps {
  locale: Locale;
  clinicSlug: string;
  vetId: string;
  today: string;
}

export function OverrideForm({ locale, clinicSlug, vetId, today }: VetFormProps) {
  const { ts, pending, error, fields, save } = useScheduleSave(locale);
  const [closed, setClosed] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const intervals = closed ? [] : [{ start: String(f.get("start") ?? ""), end: String(f.get("end") ?? "") }];
    await save(`/api/clinics/${clinicSlug}/schedules/overrides`, "PUT", {
      vetId,
      date: String(f.get("date") ?? ""),
      closed,
      intervals,
      note: text(f, "note"),
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      <Field label={ts("sch.date")} name="date" type="date" min={today} error={fields.date} />
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input
          type="checkbox"
          checked={closed}
          onChange={(e) => setClosed(e.target.checked)}
          className="size-5 accent-brand-700"
        />
        {ts("sch.closed")}
      </label>
      {!closed ? (
        <div className="grid grid-cols-2 gap-3">
          <Field
            label={ts("sch.from")}
            name="start"
            type="time"
            defaultValue="09:00"
            error={fields["intervals.0.start"]}
          />
          <Field
            label={ts("sch.until")}
            name="end"
            type="time"
            defaultValue="14:00"
            error={fields["intervals.0.end"] ?? fields.intervals}
          />
        </div>
      ) : null}
      <Field label={ts("sch.note")} name="note" maxLength={200} error={fields.note} />
      <Button type="submit" pending={pending}>
        {ts("sch.addOverride")}
      </Button>
    </form>
  );
}

export function TimeOffForm({ locale, clinicSlug, vetId, today }: VetFormProps) {
  const { ts, pending, error, fields, save } = useScheduleSave(locale);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const body = {
      vetId,
      startDate: String(f.get("startDate") ?? ""),
      startTime: text(f, "startTime"),
      endDate: String(f.get("endDate") ?? ""),
      endTime: text(f, "endTime"),
      reason: text(f, "reason"),
    };
    if (await save(`/api/clinics/${clinicSlug}/schedules/time-off`, "POST", body)) form.reset();
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      <div className="grid grid-cols-2 gap-3">
        <Field label={ts("sch.startDate")} name="startDate" type="date" min={today} error={fields.startDate} />
        <Field label={ts("sch.startTime")} name="startTime" type="time" error={fields.startTime} />
        <Field label={ts("sch.endDate")} name="endDate" type="date" min={today} error={fields.endDate} />
        <Field label={ts("sch.endTime")} name="endTime" type="time" error={fields.endTime} />
      </div>
      <Field label={ts("sch.reason")} name="reason" maxLength={200} error={fields.reason} />
      <Button type="submit" pending={pending}>
        {ts("sch.addTimeOff")}
      </Button>
    </form>
  );
}

export function RemoveButton({ locale, url, body }: { locale: Locale; url: string; body?: unknown }) {
  const { ts, pending, error, save } = useScheduleSave(locale);
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" className="px-3" pending={pending} onClick={() => void save(url, "DELETE", body)}>
        {ts("sch.remove")}
      </Button>
      {error ? <span className="text-sm text-red-700">{error}</span> : null}
    </span>
  );
}

/** The numeric booking rules, in the order the form shows them, with their labels. */
const NUMBER_RULES = [
  ["minNoticeMinutes", "sch.minNotice"],
  ["maxDaysAhead", "sch.maxDays"],
  ["slotGranularityMinutes", "sch.granularity"],
  ["clientChangeWindowHours", "sch.changeWindow"],
  ["maxOpenAppointmentsPerPet", "sch.maxOpenPerPet"],
] as const satisfies readonly (readonly [keyof BookingRules, keyof typeof scheduleMessages.en])[];

export function RulesForm({ locale, clinicSlug, rules }: { locale: Locale; clinicSlug: string; rules: BookingRules }) {
  const { ts, pending, error, fields, saved, save } = useScheduleSave(locale);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await save(`/api/clinics/${clinicSlug}/booking-rules`, "PUT", {
      ...Object.fromEntries(NUMBER_RULES.map(([name]) => [name, numberOrText(f, name)])),
      requireConfirmation: f.get("requireConfirmation") === "on",
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{ts("sch.saved")}</FormNotice> : null}
      {NUMBER_RULES.map(([name, label]) => (
        <Field
          key={name}
          label={ts(label)}
          name={name}
          inputMode="numeric"
          defaultValue={rules[name]}
          error={fields[name]}
        />
      ))}
      <CheckboxField
        label={ts("sch.requireConfirmation")}
        name="requireConfirmation"
        defaultChecked={rules.requireConfirmation}
      />
      <Button type="submit" pending={pending}>
        {ts("sch.saveRules")}
      </Button>
    </form>
  );
}

/** Reminder times offered as checkboxes (minutes before the visit); a time set through the API shows too. */
const REMINDER_CHOICES = [10080, 2880, 1440, 240, 120, 60];

export function RemindersForm({
  locale,
  clinicSlug,
  settings,
}: {
  locale: Locale;
  clinicSlug: string;
  settings: ReminderSettings;
}) {
  const { ts, pending, error, fields, saved, save } = useScheduleSave(locale);
  const choices = [...new Set([...REMINDER_CHOICES, ...settings.offsetsMinutes])].sort((a, b) => b - a);
  const label = (m: number) =>
    m % 1440 === 0
      ? ts("rem.days", { n: m / 1440 })
      : m % 60 === 0
        ? ts("rem.hours", { n: m / 60 })
        : ts("rem.minutes", { n: m });
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    await save(`/api/clinics/${clinicSlug}/reminder-settings`, "PUT", {
      enabled: f.get("enabled") === "on",
      offsetsMinutes: f.getAll("offsetsMinutes").map(Number),
    });
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{ts("sch.saved")}</FormNotice> : null}
      <CheckboxField label={ts("rem.enabled")} name="enabled" defaultChecked={settings.enabled} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{ts("rem.when")}</legend>
        {choices.map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-3 text-sm text-slate-800">
            <input
              type="checkbox"
              name="offsetsMinutes"
              value={m}
              defaultChecked={settings.offsetsMinutes.includes(m)}
              className="size-5 accent-brand-700"
            />
            {label(m)}
          </label>
        ))}
        {fields.offsetsMinutes ? <p className="text-sm text-red-700">{fields.offsetsMinutes.join(" ")}</p> : null}
      </fieldset>
      <Button type="submit" pending={pending}>
        {ts("rem.save")}
      </Button>
    </form>
  );
}
