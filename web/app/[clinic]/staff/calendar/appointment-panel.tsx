"use client";
// The side panel a calendar block opens: the appointment's details and the staff actions (status changes,
// start or open the visit, move, cancel). Not modal: the grid stays usable; Escape or Close shuts it.
import { useEffect, useRef } from "react";
import type { CalendarAppointment } from "@/lib/appointments/get-staff-calendar";
import { formatTime, formatWhen } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { AppointmentActions } from "./appointment-actions";

export function AppointmentPanel(props: {
  a: CalendarAppointment;
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { a, locale, timeZone, onClose } = props;
  const t = translator(locale, appointmentMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [a.id]);
  // Escape closes it wherever focus is (an action that finishes may remove the focused button)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  const dead = a.status === "cancelled" || a.status === "no_show";
  return (
    <aside
      role="dialog"
      aria-labelledby="appointment-panel-title"
      data-testid="appointment-panel"
      className="fixed inset-x-0 bottom-0 z-50 max-h-[70vh] space-y-3 overflow-y-auto rounded-t-2xl border border-slate-200 bg-white p-4 shadow-2xl md:inset-x-auto md:top-0 md:right-0 md:bottom-0 md:max-h-none md:w-96 md:rounded-none print:hidden"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 id="appointment-panel-title" ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
          {a.petName} · {a.clientName}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="min-h-11 rounded-lg border border-slate-300 px-3 text-sm hover:bg-slate-50"
        >
          {t("cal.close")}
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("cal.time")}</dt>
        <dd>
          {formatWhen(a.startsAt, timeZone, locale)}–{formatTime(a.endsAt, timeZone, locale)}
        </dd>
        <dt className="text-slate-600">{t("cal.service")}</dt>
        <dd>{a.serviceName}</dd>
        <dt className="text-slate-600">{t("cal.vet")}</dt>
        <dd>{a.vetName}</dd>
        <dt className="text-slate-600">{t("cal.status")}</dt>
        <dd data-testid="panel-status">{t(`status.${a.status}`)}</dd>
        {a.notes ? (
          <>
            <dt className="text-slate-600">{t("cal.notes")}</dt>
            <dd className="whitespace-pre-line">{a.notes}</dd>
          </>
        ) : null}
      </dl>
      {!dead ? <AppointmentActions locale={locale} clinicSlug={props.clinicSlug} id={a.id} status={a.status} /> : null}
    </aside>
  );
}
