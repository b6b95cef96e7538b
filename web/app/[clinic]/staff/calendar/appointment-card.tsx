// One appointment on the staff calendar: time, pet and client, service, status, and the actions.
import type { AppointmentListItem } from "@/lib/appointments/list-appointments";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { formatTime } from "@/lib/format/time";
import { AppointmentActions } from "./appointment-actions";

export function AppointmentCard({
  a,
  locale,
  clinicSlug,
  timeZone,
  showVet,
}: {
  a: AppointmentListItem;
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  showVet: boolean;
}) {
  const t = translator(locale, appointmentMessages);
  const dead = a.status === "cancelled" || a.status === "no_show";
  return (
    <article
      data-testid="calendar-appointment"
      className={`space-y-2 rounded-lg border-l-4 bg-white p-3 shadow-sm ${dead ? "border-slate-300 opacity-60" : "border-brand-600"}`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-x-2">
        <span className="font-semibold">
          {formatTime(a.startsAt, timeZone, locale)}–{formatTime(a.endsAt, timeZone, locale)}
        </span>
        <span className="text-xs font-medium uppercase tracking-wide text-brand-700">{t(`status.${a.status}`)}</span>
      </header>
      <p className="text-sm">
        <span className="font-medium">{a.petName}</span> · {a.clientName}
      </p>
      <p className="text-sm text-slate-600">
        {a.serviceName}
        {showVet ? ` · ${a.vetName}` : ""}
      </p>
      {a.notes ? <p className="text-sm text-slate-500">{a.notes}</p> : null}
      {!dead ? <AppointmentActions locale={locale} clinicSlug={clinicSlug} id={a.id} status={a.status} /> : null}
    </article>
  );
}
