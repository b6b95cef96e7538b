"use client";
// One column of the time grid (a vet's day, or a day of one vet's week): working time shaded white over a grey
// day, time off hatched, empty cells that book, appointment blocks with their buffers, the current time line,
// and the keyboard move's target. Everything is placed by real minutes from the local day's first instant.
import type { CalendarAppointment, CalendarColumnData } from "@/lib/appointments/get-staff-calendar";
import { assignLanes, placeOnGrid, type DayGrid } from "@/lib/appointments/calendar-grid";
import { formatTime } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";

export const PX_PER_MINUTE = 1.6;

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
  grid: DayGrid;
  label: string;
  locale: Locale;
  timeZone: string;
  items: CalendarAppointment[];
  nowMs: number;
  /** The keyboard move's target in this column, if any. */
  target: { startsAt: number; minutes: number } | null;
  onCell: (startsAt: Date) => void;
  onDropAt: (startsAt: Date) => void;
  dragging: boolean;
  onDragStartBlock: (a: CalendarAppointment, grabMinutes: number) => void;
  onDragEnd: () => void;
  onOpen: (a: CalendarAppointment) => void;
  onKeyBlock: (a: CalendarAppointment, e: React.KeyboardEvent) => void;
  grabMinutes: number;
}

export function GridColumn(p: ColumnProps) {
  const t = translator(p.locale, appointmentMessages);
  const px = (m: number) => `${m * PX_PER_MINUTE}px`;
  const time = (iso: string | number) => formatTime(new Date(iso), p.timeZone, p.locale);
  const spans = (list: { startsAt: string; endsAt: string }[]) =>
    list.flatMap((s) => {
      const at = placeOnGrid(p.grid, new Date(s.startsAt), new Date(s.endsAt));
      return at ? [at] : [];
    });
  const dropAt = (e: React.DragEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const minutes = (e.clientY - rect.top) / PX_PER_MINUTE - p.grabMinutes;
    const steps = Math.max(0, Math.min(p.grid.rows.length - 1, Math.round(minutes / p.grid.stepMinutes)));
    return new Date(p.grid.start.getTime() + steps * p.grid.stepMinutes * 60_000);
  };
  const now = p.nowMs >= p.grid.start.getTime() && p.nowMs < p.grid.end.getTime();
  const active = p.items.filter((a) => a.status !== "cancelled" && a.status !== "no_show");
  const lanes = assignLanes(p.items.map((a) => ({ ...a, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })));

  return (
    <div
      className="relative border-l border-slate-200 bg-slate-100"
      style={{ height: px(p.grid.totalMinutes) }}
      data-testid="grid-body"
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
      {p.grid.rows.map((r, i) => (
        <div
          key={r.startsAt.toISOString()}
          data-testid="grid-cell"
          data-start={r.startsAt.toISOString()}
          data-time={r.label}
          title={t("cal.bookAt", { time: r.label, vet: p.column.vetName })}
          onClick={() => p.onCell(r.startsAt)}
          className={`absolute inset-x-0 cursor-pointer hover:bg-brand-50/70 ${r.isHour ? "border-t border-slate-300" : "border-t border-dotted border-slate-200"}`}
          style={{ top: px(i * p.grid.stepMinutes), height: px(p.grid.stepMinutes) }}
        />
      ))}
      {p.column.timeOff.map((o, i) => {
        const at = placeOnGrid(p.grid, new Date(o.startsAt), new Date(o.endsAt));
        return at ? (
          <div
            key={`o${i}`}
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
        const before = placeOnGrid(p.grid, new Date(s - a.bufferBeforeMinutes * 60_000), new Date(s));
        const after = placeOnGrid(p.grid, new Date(e), new Date(e + a.bufferAfterMinutes * 60_000));
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
        const at = a && placeOnGrid(p.grid, item.startsAt, item.endsAt);
        if (!a || !at) return null;
        const span = `${time(a.startsAt)}–${time(a.endsAt)}`;
        const status = t(`status.${a.status}`);
        return (
          <button
            key={a.id}
            type="button"
            data-testid="calendar-appointment"
            data-appointment-id={a.id}
            draggable={a.status === "requested" || a.status === "confirmed"}
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
            onClick={() => p.onOpen(a)}
            onKeyDown={(e) => p.onKeyBlock(a, e)}
            className={`absolute overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs leading-tight shadow-sm focus-visible:z-20 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-brand-700 ${statusStyle[a.status]}`}
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
          </button>
        );
      })}
      {p.target ? (
        <div
          aria-hidden="true"
          data-testid="move-target"
          className="pointer-events-none absolute inset-x-1 z-30 rounded-md border-2 border-dashed border-brand-700 bg-brand-50/80 px-1 text-xs font-semibold text-brand-900"
          style={{
            top: px((p.target.startsAt - p.grid.start.getTime()) / 60_000),
            height: px(p.target.minutes),
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
          style={{ top: px((p.nowMs - p.grid.start.getTime()) / 60_000) }}
        />
      ) : null}
    </div>
  );
}
