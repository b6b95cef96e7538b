"use client";
// One column of the time grid (a vet's day, or a day of one vet's week): working time shaded white over a grey
// day, time off hatched, empty cells that book, appointment blocks with their buffers, the current time line,
// the move's target, and the local times this day does not have (a clock change in the week shown). Instants are
// placed through the column's layout on the grid's shared axis of local times (calendar-layout.ts).
import type { CalendarAppointment, CalendarColumnData } from "@/lib/appointments/get-staff-calendar";
import { assignLanes } from "@/lib/appointments/calendar-grid";
import { breaksIn, dropInstant, spanOf, type ColumnLayout } from "@/lib/appointments/calendar-layout";
import { formatTime } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { movable, PX_PER_MINUTE } from "./use-grid-moves";

type PointerHandlers = {
  onPointerDown: (e: React.PointerEvent<HTMLElement>) => void;
  onPointerMove: (e: React.PointerEvent<HTMLElement>) => void;
  onPointerUp: (e: React.PointerEvent<HTMLElement>) => void;
  onPointerCancel: (e: React.PointerEvent<HTMLElement>) => void;
};

const statusStyle: Record<CalendarAppointment["status"], string> = {
  requested: "border-amber-600 bg-amber-50 text-amber-950 border-dashed",
  confirmed: "border-brand-700 bg-sky-50 text-slate-900",
  checked_in: "border-violet-700 bg-violet-50 text-violet-950",
  in_progress: "border-emerald-700 bg-emerald-50 text-emerald-950",
  completed: "border-slate-500 bg-slate-100 text-slate-800",
  no_show: "border-slate-400 bg-white text-slate-600 line-through",
  cancelled: "border-slate-400 bg-white text-slate-600 line-through",
};

export interface ColumnProps {
  column: CalendarColumnData;
  /** This column's index in the grid (the touch drag finds the column under a finger by it). */
  index: number;
  layout: ColumnLayout;
  label: string;
  locale: Locale;
  timeZone: string;
  items: CalendarAppointment[];
  nowMs: number;
  /** The keyboard or touch move's target in this column, if any. */
  target: { startsAt: number; minutes: number } | null;
  onCell: (startsAt: Date) => void;
  onDropAt: (startsAt: Date) => void;
  dragging: boolean;
  onDragStartBlock: (a: CalendarAppointment, grabMinutes: number) => void;
  onDragEnd: () => void;
  onOpen: (a: CalendarAppointment, e: React.MouseEvent) => void;
  onKeyBlock: (a: CalendarAppointment, e: React.KeyboardEvent) => void;
  grabMinutes: number;
  /** Pointer handlers for a block's grip (finger or pen drag). */
  grip: (a: CalendarAppointment) => PointerHandlers;
  /** The block a finger is dragging, if any. */
  touchDragging: string | null;
}

export function GridColumn(p: ColumnProps) {
  const t = translator(p.locale, appointmentMessages);
  const px = (m: number) => `${m * PX_PER_MINUTE}px`;
  const time = (iso: string | number) => formatTime(new Date(iso), p.timeZone, p.locale);
  const { layout } = p;
  const grid = layout.grid;
  const place = (from: string | number, to: string | number) =>
    spanOf(layout, new Date(from).getTime(), new Date(to).getTime());
  const spans = (list: { startsAt: string; endsAt: string }[]) =>
    list.flatMap((s) => {
      const at = place(s.startsAt, s.endsAt);
      return at ? [at] : [];
    });
  const dropAt = (e: React.DragEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return new Date(dropInstant(layout, (e.clientY - rect.top) / PX_PER_MINUTE, p.grabMinutes));
  };
  const now = p.nowMs >= grid.start.getTime() && p.nowMs < grid.end.getTime();
  const targetAt = p.target && place(p.target.startsAt, p.target.startsAt + p.target.minutes * 60_000);
  const active = p.items.filter((a) => a.status !== "cancelled" && a.status !== "no_show");
  const lanes = assignLanes(p.items.map((a) => ({ ...a, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })));

  return (
    <div
      className="relative border-l border-slate-200 bg-slate-100"
      style={{ height: px(layout.totalMinutes) }}
      data-testid="grid-body"
      data-col={p.index}
      onDragOver={(e) => {
        if (p.dragging) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        p.onDropAt(dropAt(e));
      }}
    >
      {spans(p.column.hours).map((s, i) => (
        <div key={`h${i}`} className="absolute inset-x-0 bg-white" style={{ top: px(s.top), height: px(s.height) }} />
      ))}
      {grid.rows.map((r, i) => (
        <div
          key={r.startsAt.toISOString()}
          data-testid="grid-cell"
          data-start={r.startsAt.toISOString()}
          data-time={r.label}
          title={t("cal.bookAt", { time: r.label, vet: p.column.vetName })}
          onClick={() => p.onCell(r.startsAt)}
          className={`absolute inset-x-0 cursor-pointer hover:bg-brand-50/70 ${r.isHour ? "border-t border-slate-300" : "border-t border-dotted border-slate-200"}`}
          style={{ top: px((layout.rowSlot[i] ?? 0) * layout.stepMinutes), height: px(layout.stepMinutes) }}
        />
      ))}
      {layout.gaps.map((g) => (
        <div
          key={`g${g.top}`}
          data-testid="grid-gap"
          className="absolute inset-x-0 border-y border-slate-400 bg-[repeating-linear-gradient(0deg,#f1f5f9_0,#f1f5f9_4px,#e2e8f0_4px,#e2e8f0_8px)] px-1 text-xs text-slate-700"
          style={{ top: px(g.top), height: px(g.height) }}
        >
          {t(g.kind === "skipped" ? "cal.skipped" : "cal.once", { from: g.from, to: g.to })}
        </div>
      ))}
      {p.column.timeOff.map((o, i) => {
        const at = place(o.startsAt, o.endsAt);
        return at ? (
          <div
            key={`o${i}`}
            data-testid="time-off"
            className="pointer-events-none absolute inset-x-0 bg-[repeating-linear-gradient(45deg,#e2e8f0_0,#e2e8f0_6px,#f8fafc_6px,#f8fafc_12px)] px-1 text-xs font-medium text-slate-700"
            style={{ top: px(at.top), height: px(at.height) }}
          >
            {t("cal.timeOff")}
            {o.reason ? ` · ${o.reason}` : ""}
          </div>
        ) : null;
      })}
      {active.flatMap((a) => {
        const s = new Date(a.startsAt).getTime();
        const e = new Date(a.endsAt).getTime();
        const before = place(s - a.bufferBeforeMinutes * 60_000, s);
        const after = place(e, e + a.bufferAfterMinutes * 60_000);
        return [before, after].flatMap((b, i) =>
          b && b.height > 0
            ? [
                <div
                  key={`${a.id}b${i}`}
                  title={t("cal.buffer")}
                  className="pointer-events-none absolute inset-x-1 rounded-sm bg-[repeating-linear-gradient(-45deg,#cbd5e1_0,#cbd5e1_3px,transparent_3px,transparent_8px)]"
                  style={{ top: px(b.top), height: px(b.height) }}
                />,
              ]
            : [],
        );
      })}
      {lanes.map(({ item, lane, lanes: n }) => {
        const a = p.items.find((x) => x.id === item.id);
        const at = a && place(item.startsAt.getTime(), item.endsAt.getTime());
        if (!a || !at) return null;
        const span = `${time(a.startsAt)}–${time(a.endsAt)}`;
        const status = t(`status.${a.status}`);
        return (
          <button
            key={a.id}
            type="button"
            data-testid="calendar-appointment"
            data-appointment-id={a.id}
            draggable={movable(a)}
            data-touch-dragging={p.touchDragging === a.id ? "true" : undefined}
            aria-label={t("cal.block", {
              time: span,
              pet: a.petName,
              client: a.clientName,
              status,
              service: a.serviceName,
            })}
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = "move";
              e.dataTransfer.setData("text/plain", a.id);
              const rect = e.currentTarget.getBoundingClientRect();
              p.onDragStartBlock(a, (e.clientY - rect.top) / PX_PER_MINUTE);
            }}
            onDragEnd={p.onDragEnd}
            onClick={(e) => p.onOpen(a, e)}
            onKeyDown={(e) => p.onKeyBlock(a, e)}
            className={`absolute isolate overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left ${movable(a) ? "pr-7" : ""} text-xs leading-tight shadow-sm focus-visible:z-20 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${statusStyle[a.status]}`}
            style={{
              top: px(at.top),
              height: px(Math.max(at.height, 12)),
              left: `calc(${(lane / n) * 100}% + 2px)`,
              width: `calc(${100 / n}% - 4px)`,
            }}
          >
            {/* spaces between the parts, so the visible text reads as the accessible name does */}
            <span className="font-semibold">{span}</span>, <span className="font-medium">{a.petName}</span>,{" "}
            {a.clientName}, <span className="block font-semibold">{status}</span>{" "}
            <span className="block truncate">{a.serviceName}</span>
            {breaksIn(layout, at).map((b) => (
              // an hour the clocks skip inside the block is no time: hatched, so the block reads as its real length
              <span
                key={`b${b.top}`}
                aria-hidden="true"
                data-testid="block-break"
                className="absolute inset-x-0 -z-10 bg-[repeating-linear-gradient(0deg,#f1f5f9_0,#f1f5f9_4px,#e2e8f0_4px,#e2e8f0_8px)]"
                style={{ top: px(b.top), height: px(b.height) }}
              />
            ))}
            {movable(a) ? (
              // the grip a finger drags (touch-action none here only, so a finger anywhere else still scrolls)
              <span
                aria-hidden="true"
                data-testid="drag-grip"
                className="absolute inset-y-0 right-0 flex w-6 touch-none items-center justify-center bg-black/5 text-slate-600 select-none"
                {...p.grip(a)}
              >
                ⋮⋮
              </span>
            ) : null}
          </button>
        );
      })}
      {p.target ? (
        <div
          aria-hidden="true"
          data-testid="move-target"
          className="pointer-events-none absolute inset-x-1 z-30 rounded-md border-2 border-dashed border-brand-700 bg-brand-50/80 px-1 text-xs font-semibold text-brand-900"
          style={{
            top: px(targetAt?.top ?? 0),
            height: px(targetAt?.height ?? p.target.minutes),
          }}
        >
          {t("cal.movingTitle")} · {time(p.target.startsAt)}
        </div>
      ) : null}
      {now ? (
        <div
          data-testid="now-line"
          title={t("cal.now", { time: time(p.nowMs) })}
          className="pointer-events-none absolute inset-x-0 z-10 border-t-2 border-red-600"
          style={{ top: px(place(p.nowMs, p.nowMs + 1)?.top ?? 0) }}
        />
      ) : null}
    </div>
  );
}
