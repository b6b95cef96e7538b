"use client";
// The staff time grid: a time axis and one column per vet (day view) or per day (a vet's week). Appointments
// move by drag and drop or by keyboard (M, arrows, Enter, Escape) through the reschedule route and its checks;
// a refused move snaps back with the reason. Clicking an empty time books there. The page refreshes itself
// every few seconds while visible, so a booking made at another desk shows up.
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { CalendarAppointment, StaffCalendar } from "@/lib/appointments/get-staff-calendar";
import { buildDayGrid } from "@/lib/appointments/calendar-grid";
import { formatDay, formatTime } from "@/lib/format/time";
import { callApi } from "@/lib/http/browser/call-api";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { AppointmentPanel } from "./appointment-panel";
import { GridColumn, PX_PER_MINUTE } from "./grid-column";

const POLL_MS = 5000;
const movable = (a: CalendarAppointment) => a.status === "requested" || a.status === "confirmed";

interface Props {
  calendar: StaffCalendar;
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  nowIso: string;
}
type Move = { id: string; col: number; at: number };
type Placed = { base: CalendarAppointment[]; id: string; startsAt: string; endsAt: string; vetId: string };

export function TimeGrid({ calendar, locale, clinicSlug, timeZone, nowIso }: Props) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [now, setNow] = useState(() => Date.parse(nowIso));
  const [drag, setDrag] = useState<{ id: string; grab: number } | null>(null);
  const [moving, setMoving] = useState<Move | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [shown, setShown] = useState(0);
  const scroller = useRef<HTMLDivElement>(null);
  const quiet = useRef(false);
  const isQuiet = drag !== null || moving !== null || busy;
  // the poll skips a refresh while someone is dragging or moving, so the grid does not shift under them
  useEffect(() => {
    quiet.current = isQuiet;
  }, [isQuiet]);

  const grids = useMemo(
    () => calendar.columns.map((c) => buildDayGrid(c.date, timeZone, calendar.stepMinutes)),
    [calendar.columns, calendar.stepMinutes, timeZone],
  );
  // a move that has been saved shows in its new place until the refreshed page brings the same
  const items = useMemo(
    () =>
      calendar.appointments.map((a) =>
        placed && placed.base === calendar.appointments && placed.id === a.id
          ? { ...a, startsAt: placed.startsAt, endsAt: placed.endsAt, vetId: placed.vetId }
          : a,
      ),
    [calendar.appointments, placed],
  );

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
  const firstHour = useMemo(() => {
    const starts = calendar.columns.flatMap((c) => c.hours.map((h) => Date.parse(h.startsAt)));
    const grid = grids[0];
    if (!grid) return 0;
    const first = starts.length ? Math.min(...starts) : grid.start.getTime() + 8 * 3_600_000;
    return Math.max(0, (first - grid.start.getTime()) / 60_000 - 30);
  }, [calendar.columns, grids]);
  useEffect(() => {
    if (!scroller.current) return;
    scroller.current.scrollTop = firstHour * PX_PER_MINUTE;
    // hydrated: drag and keyboard handlers are attached (tests wait for this before dragging)
    scroller.current.dataset.ready = "true";
  }, [firstHour]);

  const colOf = (a: CalendarAppointment) =>
    calendar.columns.findIndex(
      (c, i) =>
        c.vetId === a.vetId &&
        (grids[i]?.start.getTime() ?? 0) <= Date.parse(a.startsAt) &&
        Date.parse(a.startsAt) < (grids[i]?.end.getTime() ?? 0),
    );
  const durationMs = (a: CalendarAppointment) => Date.parse(a.endsAt) - Date.parse(a.startsAt);
  const timeOf = (ms: number) => formatTime(new Date(ms), timeZone, locale);

  async function move(a: CalendarAppointment, col: number, at: number) {
    const target = calendar.columns[col];
    if (!target) return;
    if (at === Date.parse(a.startsAt) && target.vetId === a.vetId) return;
    const startsAt = new Date(at).toISOString();
    const endsAt = new Date(at + durationMs(a)).toISOString();
    setPlaced({ base: calendar.appointments, id: a.id, startsAt, endsAt, vetId: target.vetId });
    setBusy(true);
    setNotice(null);
    const r = await callApi(`/api/clinics/${clinicSlug}/appointments/${a.id}/reschedule`, {
      method: "POST",
      body: { startsAt, vetId: target.vetId },
    });
    setBusy(false);
    if (r.ok) {
      setNotice({ text: t("cal.moved", { pet: a.petName, time: timeOf(at), vet: target.vetName }), error: false });
      router.refresh();
    } else {
      setPlaced(null);
      const reason =
        r.error.code === "SLOT_TAKEN"
          ? t("cal.notFree", { vet: target.vetName })
          : r.error.code === "PET_BUSY"
            ? t("book.petBusy", { pet: a.petName })
            : r.error.message;
      setNotice({ text: t("cal.moveRefused", { reason }), error: true });
    }
  }

  function onKeyBlock(a: CalendarAppointment, e: React.KeyboardEvent) {
    const step = calendar.stepMinutes * 60_000;
    if (!moving || moving.id !== a.id) {
      if ((e.key === "m" || e.key === "M") && movable(a)) {
        e.preventDefault();
        const col = colOf(a);
        const next = { id: a.id, col, at: Date.parse(a.startsAt) };
        setMoving(next);
        setNotice(null);
        announceMove(a, next);
      }
      return;
    }
    const grid = grids[moving.col];
    if (!grid) return;
    let next: Move | null = null;
    if (e.key === "ArrowUp") next = { ...moving, at: Math.max(grid.start.getTime(), moving.at - step) };
    else if (e.key === "ArrowDown") next = { ...moving, at: Math.min(grid.end.getTime() - step, moving.at + step) };
    else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      const col = moving.col + (e.key === "ArrowLeft" ? -1 : 1);
      const to = grids[col];
      if (to) next = { ...moving, col, at: to.start.getTime() + (moving.at - grid.start.getTime()) };
    } else if (e.key === "Enter") {
      e.preventDefault();
      setMoving(null);
      void move(a, moving.col, moving.at);
      return;
    } else if (e.key === "Escape") {
      e.preventDefault();
      setMoving(null);
      setNotice({ text: t("cal.moveCancelled"), error: false });
      return;
    } else return;
    e.preventDefault();
    if (next) {
      setMoving(next);
      announceMove(a, next);
    }
  }
  function announceMove(a: CalendarAppointment, m: Move) {
    const vet = calendar.columns[m.col]?.vetName ?? "";
    const day = calendar.view === "week" ? `${formatDay(calendar.columns[m.col]?.date ?? "", locale)} ` : "";
    setNotice({ text: t("cal.moving", { pet: a.petName, time: `${day}${timeOf(m.at)}`, vet }), error: false });
  }

  const movingItem = moving && items.find((a) => a.id === moving.id);
  const open = openId ? items.find((a) => a.id === openId) : undefined;
  const gutter = grids[0];
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
            {gutter ? (
              <div className="relative" style={{ height: `${gutter.totalMinutes * PX_PER_MINUTE}px` }}>
                {gutter.rows.map((r, i) =>
                  r.isHour ? (
                    <span
                      key={r.startsAt.toISOString()}
                      data-testid="hour-label"
                      className="absolute right-1 -translate-y-1/2 text-xs text-slate-600"
                      style={{ top: `${i * gutter.stepMinutes * PX_PER_MINUTE}px` }}
                    >
                      {r.repeated ? t("cal.again", { time: r.label }) : r.label}
                    </span>
                  ) : null,
                )}
              </div>
            ) : null}
          </div>
          {calendar.columns.map((c, i) => {
            const grid = grids[i];
            if (!grid) return null;
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
                  grid={grid}
                  label={columnLabel(i)}
                  locale={locale}
                  timeZone={timeZone}
                  items={own}
                  nowMs={now}
                  target={
                    moving && moving.col === i && movingItem
                      ? { startsAt: moving.at, minutes: durationMs(movingItem) / 60_000 }
                      : null
                  }
                  dragging={drag !== null}
                  grabMinutes={drag?.grab ?? 0}
                  onCell={(at) =>
                    router.push(
                      `/${clinicSlug}/staff/calendar/new?${new URLSearchParams({ vetId: c.vetId, start: at.toISOString() }).toString()}`,
                    )
                  }
                  onDropAt={(at) => {
                    const a = drag && items.find((x) => x.id === drag.id);
                    setDrag(null);
                    if (a) void move(a, i, at.getTime());
                  }}
                  onDragStartBlock={(a, grab) => setDrag({ id: a.id, grab })}
                  onDragEnd={() => setDrag(null)}
                  onOpen={(a) => setOpenId(a.id)}
                  onKeyBlock={onKeyBlock}
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
