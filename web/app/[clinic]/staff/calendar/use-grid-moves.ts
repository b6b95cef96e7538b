"use client";
// Moving appointments on the time grid: a mouse drag (HTML drag and drop), a finger or pen drag from the block's
// grip (pointer events, so the grid still scrolls when a finger lands anywhere else), and the keyboard (M, arrows,
// Enter, Escape). Every move goes through the reschedule route and its checks; a refused one snaps back with the
// reason, and a saved one shows in its new place until the refreshed page brings the same.
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import type { CalendarAppointment, StaffCalendar } from "@/lib/appointments/get-staff-calendar";
import { columnOf, dropInstant, stepMove, type ColumnLayout } from "@/lib/appointments/calendar-layout";
import { formatDay, formatTime } from "@/lib/format/time";
import { callApi } from "@/lib/http/browser/call-api";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";

export const PX_PER_MINUTE = 1.6;
export const movable = (a: CalendarAppointment) => a.status === "requested" || a.status === "confirmed";

type Place = { col: number; at: number };
type Placed = { base: CalendarAppointment[]; id: string; startsAt: string; endsAt: string; vetId: string };
type TouchDrag = Place & { id: string; pointerId: number; grab: number };

export interface GridMoveOptions {
  calendar: StaffCalendar;
  layouts: ColumnLayout[];
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  scroller: React.RefObject<HTMLDivElement | null>;
}

export function useGridMoves({ calendar, layouts, locale, clinicSlug, timeZone, scroller }: GridMoveOptions) {
  const t = translator(locale, appointmentMessages);
  const router = useRouter();
  const [drag, setDrag] = useState<{ id: string; grab: number } | null>(null);
  const [moving, setMoving] = useState<(Place & { id: string }) | null>(null);
  const [touch, setTouch] = useState<TouchDrag | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  // a finger lifted after a drag must not also open the block's panel (when the browser follows with a click)
  const draggedAt = useRef(-Infinity);

  const items = useMemo(
    () =>
      calendar.appointments.map((a) =>
        placed && placed.base === calendar.appointments && placed.id === a.id
          ? { ...a, startsAt: placed.startsAt, endsAt: placed.endsAt, vetId: placed.vetId }
          : a,
      ),
    [calendar.appointments, placed],
  );
  const grids = layouts.map((l) => l.grid);
  const colOf = (a: CalendarAppointment) => columnOf(calendar.columns, grids, a.vetId, Date.parse(a.startsAt));
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

  function announceMove(a: CalendarAppointment, m: Place) {
    const vet = calendar.columns[m.col]?.vetName ?? "";
    const day = calendar.view === "week" ? `${formatDay(calendar.columns[m.col]?.date ?? "", locale)} ` : "";
    setNotice({ text: t("cal.moving", { pet: a.petName, time: `${day}${timeOf(m.at)}`, vet }), error: false });
  }

  function onKeyBlock(a: CalendarAppointment, e: React.KeyboardEvent) {
    if (!moving || moving.id !== a.id) {
      if ((e.key === "m" || e.key === "M") && movable(a)) {
        e.preventDefault();
        const next = { id: a.id, col: colOf(a), at: Date.parse(a.startsAt) };
        setMoving(next);
        setNotice(null);
        announceMove(a, next);
      }
      return;
    }
    if (e.key === "ArrowUp" || e.key === "ArrowDown" || e.key === "ArrowLeft" || e.key === "ArrowRight") {
      e.preventDefault();
      const next = stepMove(layouts, moving, e.key);
      if (next) {
        setMoving({ ...moving, ...next });
        announceMove(a, next);
      }
    } else if (e.key === "Enter") {
      e.preventDefault();
      setMoving(null);
      void move(a, moving.col, moving.at);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setMoving(null);
      setNotice({ text: t("cal.moveCancelled"), error: false });
    }
  }

  // the column body under a point, and the row start a block grabbed `grab` minutes below its top lands on
  function placeAt(x: number, y: number, grab: number): Place | null {
    const body = document
      .elementsFromPoint(x, y)
      .find((el): el is HTMLElement => el instanceof HTMLElement && el.dataset.col !== undefined);
    const col = Number(body?.dataset.col);
    const layout = layouts[col];
    if (!body || !layout) return null;
    const minutes = (y - body.getBoundingClientRect().top) / PX_PER_MINUTE;
    return { col, at: dropInstant(layout, minutes, grab) };
  }

  const touchHandlers = (a: CalendarAppointment) => ({
    onPointerDown(e: React.PointerEvent<HTMLElement>) {
      // a mouse drags the whole block with HTML drag and drop; this is the grip for fingers and pens
      if (e.pointerType === "mouse" || !movable(a) || busy) return;
      e.preventDefault();
      e.stopPropagation();
      const block = e.currentTarget.closest<HTMLElement>("[data-appointment-id]");
      if (!block) return;
      try {
        e.currentTarget.setPointerCapture(e.pointerId);
      } catch {
        // not a live pointer (a synthetic event): the moves still arrive while the finger stays on the grip
      }
      setMoving(null);
      setNotice(null);
      setTouch({
        id: a.id,
        pointerId: e.pointerId,
        grab: (e.clientY - block.getBoundingClientRect().top) / PX_PER_MINUTE,
        col: colOf(a),
        at: Date.parse(a.startsAt),
      });
    },
    onPointerMove(e: React.PointerEvent<HTMLElement>) {
      if (!touch || touch.pointerId !== e.pointerId) return;
      e.preventDefault();
      // the page cannot scroll under a dragging finger, so the grid scrolls itself near its edges
      const box = scroller.current?.getBoundingClientRect();
      if (box && e.clientY < box.top + 40) scroller.current?.scrollBy(0, -16);
      else if (box && e.clientY > box.bottom - 40) scroller.current?.scrollBy(0, 16);
      const next = placeAt(e.clientX, e.clientY, touch.grab);
      if (next && (next.col !== touch.col || next.at !== touch.at)) setTouch({ ...touch, ...next });
    },
    onPointerUp(e: React.PointerEvent<HTMLElement>) {
      if (!touch || touch.pointerId !== e.pointerId) return;
      e.preventDefault();
      setTouch(null);
      draggedAt.current = e.timeStamp;
      void move(a, touch.col, touch.at);
    },
    onPointerCancel() {
      setTouch(null);
    },
  });

  const preview = touch ?? moving;
  const previewItem = preview && items.find((a) => a.id === preview.id);
  return {
    items,
    notice,
    quiet: drag !== null || moving !== null || touch !== null || busy,
    touchDragging: touch?.id ?? null,
    /** The new place a keyboard or touch move would take, for the column it is in. */
    targetIn: (col: number) =>
      preview && preview.col === col && previewItem
        ? { startsAt: preview.at, minutes: durationMs(previewItem) / 60_000 }
        : null,
    onKeyBlock,
    touchHandlers,
    clickAllowed: (e: React.MouseEvent) => e.timeStamp - draggedAt.current > 500,
    mouse: {
      dragging: drag !== null,
      grabMinutes: drag?.grab ?? 0,
      start: (a: CalendarAppointment, grab: number) => setDrag({ id: a.id, grab }),
      end: () => setDrag(null),
      drop: (col: number, at: number) => {
        const a = drag && items.find((x) => x.id === drag.id);
        setDrag(null);
        if (a) void move(a, col, at);
      },
    },
  };
}
