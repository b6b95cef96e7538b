"use client";
// The staff time grid: a time axis and one column per vet (day view) or per day (a vet's week). Appointments
// move by mouse or finger drag or by keyboard (use-grid-moves.ts); clicking an empty time books there. The page
// refreshes itself every few seconds while visible, so a booking made at another desk shows up. The positions
// come from calendar-layout.ts: one axis of local times shared by the columns, right across clock changes.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { StaffCalendar } from "@/lib/appointments/get-staff-calendar";
import { buildDayGrid } from "@/lib/appointments/calendar-grid";
import { buildAxis, layoutColumn, openingScrollMinutes } from "@/lib/appointments/calendar-layout";
import { formatDay, formatTime } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { AppointmentPanel } from "./appointment-panel";
import { GridColumn } from "./grid-column";
import { PX_PER_MINUTE, useGridMoves } from "./use-grid-moves";

const POLL_MS = 5000;

interface Props {
  calendar: StaffCalendar;
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  nowIso: string;
}

export function TimeGrid({ calendar, locale, clinicSlug, timeZone, nowIso }: Props) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [now, setNow] = useState(() => Date.parse(nowIso));
  const [openId, setOpenId] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);

  // the days shown share one axis of local times, so the labels beside the grid hold for every column
  const { axis, layouts } = useMemo(() => {
    const grids = calendar.columns.map((c) => buildDayGrid(c.date, timeZone, calendar.stepMinutes));
    const axis = buildAxis(grids);
    return { axis, layouts: grids.map((g) => layoutColumn(axis, g)) };
  }, [calendar.columns, calendar.stepMinutes, timeZone]);
  const moves = useGridMoves({ calendar, layouts, locale, clinicSlug, timeZone, scroller });
  const { items, notice } = moves;

  // the poll skips a refresh while someone is dragging or moving, so the grid does not shift under them
  const quiet = useRef(false);
  useEffect(() => {
    quiet.current = moves.quiet;
  }, [moves.quiet]);
  useEffect(() => {
    const tick = setInterval(() => {
      setNow(Date.now());
      if (document.visibilityState === "visible" && !quiet.current) router.refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(tick);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);

  // open the day at the first working hour (else 08:00), not at midnight
  const firstHour = useMemo(
    () =>
      openingScrollMinutes(
        layouts,
        calendar.columns.map((c) => c.hours.map((h) => Date.parse(h.startsAt))),
      ),
    [calendar.columns, layouts],
  );
  useEffect(() => {
    if (!scroller.current) return;
    scroller.current.scrollTop = firstHour * PX_PER_MINUTE;
    // hydrated: drag and keyboard handlers are attached (tests wait for this before dragging)
    scroller.current.dataset.ready = "true";
  }, [firstHour]);

  const timeOf = (ms: number) => formatTime(new Date(ms), timeZone, locale);
  const open = openId ? items.find((a) => a.id === openId) : undefined;
  const columnLabel = (i: number) => {
    const c = calendar.columns[i];
    if (!c) return "";
    return calendar.view === "week" ? formatDay(c.date, locale, "long") : c.vetName;
  };
  const hoursText = (i: number) => {
    const c = calendar.columns[i];
    if (!c) return "";
    if (c.closed) return t("cal.closed");
    if (c.hours.length === 0) return t("cal.notWorking");
    return c.hours.map((h) => `${timeOf(Date.parse(h.startsAt))}–${timeOf(Date.parse(h.endsAt))}`).join(" · ");
  };

  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 print:hidden">{t("cal.hint")}</p>
      {calendar.view === "day" && calendar.columns.length > 1 ? (
        <label className="flex items-center gap-2 text-sm md:hidden">
          {t("cal.showVet")}
          <select
            value={shown}
            onChange={(e) => setShown(Number(e.target.value))}
            className="min-h-11 rounded-lg border border-slate-300 bg-white px-2"
          >
            {calendar.columns.map((c, i) => (
              <option key={c.vetId} value={i}>
                {c.vetName}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div
        role="status"
        aria-live="polite"
        data-testid="calendar-notice"
        className={notice?.error ? "rounded-lg bg-red-50 p-2 text-sm text-red-800" : "text-sm text-slate-700"}
      >
        {notice?.text}
      </div>
      <div
        ref={scroller}
        tabIndex={0}
        role="group"
        aria-label={t("cal.grid")}
        className="max-h-[75vh] overflow-auto rounded-xl border border-slate-200 bg-white"
      >
        <div className="flex min-w-full">
          <div className="sticky left-0 z-30 w-14 shrink-0 bg-white" aria-hidden="true">
            <div className="sticky top-0 z-30 h-16 border-b border-slate-200 bg-white" />
            <div className="relative" style={{ height: `${axis.totalMinutes * PX_PER_MINUTE}px` }}>
              {axis.slots.map((r, i) =>
                r.isHour ? (
                  <span
                    key={r.key}
                    data-testid="hour-label"
                    className="absolute right-1 -translate-y-1/2 text-xs text-slate-600"
                    style={{ top: `${i * axis.stepMinutes * PX_PER_MINUTE}px` }}
                  >
                    {r.repeated ? t("cal.again", { time: r.label }) : r.label}
                  </span>
                ) : null,
              )}
            </div>
          </div>
          {calendar.columns.map((c, i) => {
            const layout = layouts[i];
            if (!layout) return null;
            const { grid } = layout;
            const own = items.filter(
              (a) =>
                a.vetId === c.vetId &&
                Date.parse(a.endsAt) > grid.start.getTime() &&
                Date.parse(a.startsAt) < grid.end.getTime(),
            );
            return (
              <section
                key={`${c.vetId}${c.date}`}
                aria-label={columnLabel(i)}
                className={`min-w-40 flex-1 md:min-w-44 ${calendar.view === "day" && i !== shown ? "hidden md:block" : ""}`}
              >
                <div className="sticky top-0 z-20 h-16 border-b border-l border-slate-200 bg-white px-2 py-1">
                  <h2 className="truncate text-sm font-semibold">
                    {calendar.view === "week" ? formatDay(c.date, locale) : c.vetName}
                  </h2>
                  <p className="truncate text-xs text-slate-600" data-testid="vet-hours">
                    {hoursText(i)}
                  </p>
                </div>
                <GridColumn
                  column={c}
                  index={i}
                  layout={layout}
                  label={columnLabel(i)}
                  locale={locale}
                  timeZone={timeZone}
                  items={own}
                  nowMs={now}
                  target={moves.targetIn(i)}
                  dragging={moves.mouse.dragging}
                  grabMinutes={moves.mouse.grabMinutes}
                  onCell={(at) =>
                    router.push(
                      `/${clinicSlug}/staff/calendar/new?${new URLSearchParams({ vetId: c.vetId, start: at.toISOString() }).toString()}`,
                    )
                  }
                  onDropAt={(at) => moves.mouse.drop(i, at.getTime())}
                  onDragStartBlock={moves.mouse.start}
                  onDragEnd={moves.mouse.end}
                  onOpen={(a, e) => {
                    if (moves.clickAllowed(e)) setOpenId(a.id);
                  }}
                  onKeyBlock={moves.onKeyBlock}
                  grip={moves.touchHandlers}
                  touchDragging={moves.touchDragging}
                />
              </section>
            );
          })}
        </div>
      </div>
      {open ? (
        <AppointmentPanel
          a={open}
          locale={locale}
          clinicSlug={clinicSlug}
          timeZone={timeZone}
          onClose={() => {
            setOpenId(null);
            document.querySelector<HTMLElement>(`[data-appointment-id="${open.id}"]`)?.focus();
          }}
        />
      ) : null}
    </div>
  );
}
