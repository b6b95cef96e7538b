"use client";
// Day and time picker over the availability route: the next `days` local days of the clinic (days with no
// free time are disabled), then that day's free starts, labelled with the clinic's time zone. With no vet
// chosen, one button per start time (any vet); with a vet, that vet's starts.
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/button";
import { formatDay, formatTime, addDays, localDate } from "@/lib/format/time";
import { callApi, type ApiError } from "@/lib/http/browser/call-api";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";

export interface PickedSlot {
  startsAt: string;
  endsAt: string;
  vetId: string;
  vetName: string;
}

interface SlotPickerProps {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  serviceId: string;
  vetId: string | null;
  /** Leave out times this pet is already booked (with any vet). */
  petId?: string | null;
  /** Slots for moving this appointment: its own time counts as free, its pet's other bookings do not. */
  movingAppointmentId?: string | null;
  days?: number;
  /** Change to force a reload (e.g. after a lost race). */
  reloadKey?: number;
  selected?: string | null;
  onPick: (slot: PickedSlot) => void;
}

/** The next free times a 409 SLOT_TAKEN carries, so the person can pick one without starting over. */
export function offeredSlots(error: ApiError): PickedSlot[] {
  const slots = error.details.nextSlots;
  return Array.isArray(slots) ? (slots as PickedSlot[]) : [];
}

type Load = { state: "loading" } | { state: "failed" } | { state: "ready"; slots: PickedSlot[] };

export function SlotPicker({
  locale,
  clinicSlug,
  timeZone,
  serviceId,
  vetId,
  petId = null,
  movingAppointmentId = null,
  days = 14,
  reloadKey = 0,
  selected,
  onPick,
}: SlotPickerProps) {
  const t = translator(locale, appointmentMessages);
  const [day, setDay] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const today = useMemo(() => localDate(new Date(), timeZone), [timeZone]);
  const dates = useMemo(() => Array.from({ length: days }, (_, i) => addDays(today, i)), [today, days]);
  const key = [serviceId, vetId, petId, movingAppointmentId, dates[0], dates.length, reloadKey, attempt].join("|");
  // the result remembers which request it answers; a different key means "loading" without a sync setState
  const [result, setResult] = useState<{ key: string; load: Load } | null>(null);
  const load: Load = useMemo(() => (result?.key === key ? result.load : { state: "loading" }), [result, key]);

  const fetchSlots = useCallback(async (): Promise<Load> => {
    const qs = new URLSearchParams({ serviceId, from: dates[0] ?? today, to: dates[dates.length - 1] ?? today });
    if (vetId) qs.set("vetId", vetId);
    if (petId) qs.set("petId", petId);
    if (movingAppointmentId) qs.set("movingAppointmentId", movingAppointmentId);
    const r = await callApi<{ slots: PickedSlot[] }>(`/api/clinics/${clinicSlug}/availability?${qs.toString()}`);
    return r.ok ? { state: "ready", slots: r.data.slots } : { state: "failed" };
  }, [clinicSlug, serviceId, vetId, petId, movingAppointmentId, dates, today]);

  useEffect(() => {
    let live = true;
    void fetchSlots().then((r) => {
      if (live) setResult({ key, load: r });
    });
    return () => {
      live = false;
    };
  }, [fetchSlots, key]);

  const byDay = useMemo(() => {
    const map = new Map<string, PickedSlot[]>();
    if (load.state !== "ready") return map;
    const seen = new Set<string>();
    for (const s of load.slots) {
      if (seen.has(s.startsAt)) continue; // any vet: one button per start
      seen.add(s.startsAt);
      const d = localDate(new Date(s.startsAt), timeZone);
      map.set(d, [...(map.get(d) ?? []), s]);
    }
    return map;
  }, [load, timeZone]);

  const firstFree = dates.find((d) => byDay.has(d)) ?? null;
  const shownDay = day && byDay.has(day) ? day : firstFree;

  if (load.state === "loading")
    return (
      <p className="text-slate-600" role="status">
        {t("slots.loading")}
      </p>
    );
  if (load.state === "failed")
    return (
      <div className="space-y-2">
        <p className="text-red-700">{t("slots.failed")}</p>
        <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
          {t("slots.retry")}
        </Button>
      </div>
    );
  if (!firstFree) return <p className="rounded-lg bg-white p-3 text-slate-600">{t("slots.none")}</p>;

  const times = (shownDay && byDay.get(shownDay)) || [];
  return (
    <div className="space-y-4">
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">{t("book.day")}</legend>
        <div className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1" role="group">
          {dates.map((d) => {
            const free = byDay.has(d);
            return (
              <button
                key={d}
                type="button"
                disabled={!free}
                aria-pressed={d === shownDay}
                data-date={d}
                onClick={() => setDay(d)}
                className="flex min-h-14 w-16 shrink-0 flex-col items-center justify-center rounded-lg border border-slate-300 bg-white text-sm aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white disabled:border-slate-100 disabled:bg-slate-100 disabled:text-slate-400"
              >
                {formatDay(d, locale)}
              </button>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">
          {t("book.time")} <span className="font-normal text-slate-500">· {t("slots.timeZone", { tz: timeZone })}</span>
        </legend>
        <div className="grid grid-cols-4 gap-2 sm:grid-cols-6">
          {times.map((s) => (
            <button
              key={s.startsAt}
              type="button"
              aria-pressed={selected === s.startsAt}
              onClick={() => onPick(s)}
              className="min-h-11 rounded-lg border border-slate-300 bg-white text-sm font-medium aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white"
            >
              {formatTime(s.startsAt, timeZone, locale)}
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
