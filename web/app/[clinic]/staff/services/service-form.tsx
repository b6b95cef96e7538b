"use client";
// Add or edit a service: duration, price (typed in units, sent in minor units), buffers, who performs it,
// bookable online or staff-only, instructions shown at booking.
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import type { Service } from "@/lib/schedules/service-record";
import { CheckboxField, TextAreaField } from "@/app/_components/inputs";
import { numberOrText as num } from "@/app/_components/form-values";
import { minorUnitsToInput, toMinorUnits } from "@/lib/format/money";
import { useSave } from "../_components/use-save";

interface Props {
  locale: Locale;
  clinicSlug: string;
  currency: string;
  staff: { userId: string; name: string }[];
  service?: Service;
}

export function ServiceForm({ locale, clinicSlug, currency, staff, service }: Props) {
  const ts = translator(locale, scheduleMessages);
  const { pending, error, fields, saved, save } = useSave(locale);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    const price = num(form, "price");
    const body = {
      name: String(form.get("name") ?? ""),
      durationMinutes: num(form, "durationMinutes"),
      priceCents: typeof price === "number" ? toMinorUnits(price, currency) : price,
      bufferBeforeMinutes: num(form, "bufferBeforeMinutes"),
      bufferAfterMinutes: num(form, "bufferAfterMinutes"),
      bookableOnline: form.get("bookableOnline") === "on",
      active: form.get("active") === "on",
      instructions: String(form.get("instructions") ?? "").trim() || null,
      vetIds: form.getAll("vetIds").map(String),
    };
    const base = `/api/clinics/${clinicSlug}/services`;
    const ok = await (service ? save(`${base}/${service.id}`, "PATCH", body) : save(base, "POST", body));
    if (ok && !service) formEl.reset();
  }

  const price = fields.priceCents;
  /** A whole-minutes input with the service's value, or the default for a new service. */
  const minutesField = (
    name: "durationMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes",
    label: string,
    fallback: number,
  ) => (
    <Field
      label={label}
      name={name}
      inputMode="numeric"
      defaultValue={service?.[name] ?? fallback}
      error={fields[name]}
    />
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormError message={error} />
      {saved ? <FormNotice>{ts("svc.saved")}</FormNotice> : null}
      <Field label={ts("svc.name")} name="name" maxLength={120} defaultValue={service?.name} error={fields.name} />
      <div className="grid grid-cols-2 gap-3">
        {minutesField("durationMinutes", ts("svc.duration"), 30)}
        <Field
          label={ts("svc.price", { currency })}
          name="price"
          inputMode="decimal"
          defaultValue={service ? minorUnitsToInput(service.priceCents, currency) : ""}
          error={price}
        />
        {minutesField("bufferBeforeMinutes", ts("svc.bufferBefore"), 0)}
        {minutesField("bufferAfterMinutes", ts("svc.bufferAfter"), 0)}
      </div>
      <CheckboxField label={ts("svc.online")} name="bookableOnline" defaultChecked={service?.bookableOnline ?? true} />
      <CheckboxField label={ts("svc.active")} name="active" defaultChecked={service?.active ?? true} />
      <TextAreaField
        label={ts("svc.instructions")}
        name="instructions"
        maxLength={2000}
        defaultValue={service?.instructions ?? ""}
        error={fields.instructions}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{ts("svc.vets")}</legend>
        {staff.map((s) => (
          <label key={s.userId} className="flex min-h-11 items-center gap-3 text-sm">
            <input
              type="checkbox"
              name="vetIds"
              value={s.userId}
              defaultChecked={service?.vetIds.includes(s.userId)}
              className="size-5 accent-brand-700"
            />
            {s.name}
          </label>
        ))}
        {fields.vetIds || fields.vetId ? (
          <p className="text-sm text-red-700">{(fields.vetIds ?? fields.vetId)?.[0]}</p>
        ) : null}
      </fieldset>
      <Button type="submit" pending={pending} className="w-full sm:w-auto">
        {service ? ts("svc.save") : ts("svc.create")}
      </Button>
    </form>
  );
}
