"use client";
// One vet's weekly hours: per weekday any number of intervals (breaks), saved all at once.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError, FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { scheduleMessages } from "@/lib/i18n/messages/schedules";
import { callApi } from "@/lib/http/browser/call-api";
import { useApiSubmit } from "@/lib/http/browser/use-api-submit";

type Interval = { start: string; end: string };
const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
const timeInput = "min-h-11 w-28 rounded-lg border border-slate-300 bg-white px-2 text-base";

export function WeeklyHoursEditor({
  locale,
  clinicSlug,
  vetId,
  initial,
}: {
  locale: Locale;
  clinicSlug: string;
  vetId: string;
  initial: { weekday: number; start: string; end: string }[];
}) {
  const t = translator(locale, appointmentMessages);
  const ts = translator(locale, scheduleMessages);
  const router = useRouter();
  const [days, setDays] = useState<Record<number, Interval[]>>(() =>
    Object.fromEntries(
      weekdays.map((d) => [d, initial.filter((h) => h.weekday === d).map(({ start, end }) => ({ start, end }))]),
    ),
  );
  // the hours are one list, so the first field message is shown next to the general one
  const { pending, error, submit } = useApiSubmit((e) => {
    const field = Object.entries(e.fields)[0];
    return field ? `${e.message} ${field[1][0] ?? ""}` : e.message || t("form.failed");
  });
  const [saved, setSaved] = useState(false);

  const update = (d: number, fn: (list: Interval[]) => Interval[]) => (
    setSaved(false),
    setDays((prev) => ({ ...prev, [d]: fn(prev[d] ?? []) }))
  );

  async function save() {
    const hours = weekdays.flatMap((d) => (days[d] ?? []).map((i) => ({ weekday: d, ...i })));
    const body = { vetId, hours };
    const r = await submit(() => callApi(`/api/clinics/${clinicSlug}/schedules/weekly-hours`, { method: "PUT", body }));
    if (!r?.ok) return;
    setSaved(true);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      {saved ? <FormNotice>{ts("sch.saved")}</FormNotice> : null}
      <ul className="divide-y divide-slate-100">
        {weekdays.map((d) => (
          <li key={d} className="flex flex-col gap-2 py-2 sm:flex-row sm:items-start">
            <span className="w-28 shrink-0 pt-2 font-medium">{ts(`day.${d}`)}</span>
            <div className="flex-1 space-y-2">
              {(days[d] ?? []).length === 0 ? <p className="pt-2 text-sm text-slate-500">{ts("sch.off")}</p> : null}
              {(days[d] ?? []).map((iv, i) => (
                <div key={i} className="flex flex-wrap items-center gap-2">
                  <input
                    type="time"
                    aria-label={`${ts(`day.${d}`)} ${ts("sch.from")} ${i + 1}`}
                    value={iv.start}
                    onChange={(e) => update(d, (l) => l.map((x, j) => (j === i ? { ...x, start: e.target.value } : x)))}
                    className={timeInput}
                  />
                  <span aria-hidden>–</span>
                  <input
                    type="time"
                    aria-label={`${ts(`day.${d}`)} ${ts("sch.until")} ${i + 1}`}
                    value={iv.end}
                    onChange={(e) => update(d, (l) => l.map((x, j) => (j === i ? { ...x, end: e.target.value } : x)))}
                    className={timeInput}
                  />
                  <button
                    type="button"
                    className="min-h-11 px-2 text-sm text-red-700"
                    onClick={() => update(d, (l) => l.filter((_, j) => j !== i))}
                  >
                    {ts("sch.remove")}
                  </button>
                </div>
              ))}
              <button
                type="button"
                className="min-h-11 text-sm font-medium text-brand-700"
                onClick={() => update(d, (l) => [...l, { start: l.at(-1)?.end ?? "09:00", end: "19:00" }])}
              >
                + {ts("sch.addInterval")}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <Button onClick={save} pending={pending} className="w-full sm:w-auto">
        {ts("sch.save")}
      </Button>
    </div>
  );
}
