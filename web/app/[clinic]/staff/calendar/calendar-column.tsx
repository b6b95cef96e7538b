// One column of the staff calendar (a vet in the day view, a day in the week view): its heading, what
// the column adds under it, then its appointments or a line saying there are none.
import type { AppointmentListItem } from "@/lib/appointments/list-appointments";
import { translator, type Locale } from "@/lib/i18n";
import { appointmentMessages } from "@/lib/i18n/messages/appointments";
import { AppointmentCard } from "./appointment-card";

export function CalendarColumn(props: {
  label: string;
  heading: React.ReactNode;
  children?: React.ReactNode;
  items: AppointmentListItem[];
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  showVet: boolean;
}) {
  const t = translator(props.locale, appointmentMessages);
  return (
    <section aria-label={props.label} className="space-y-2 rounded-xl bg-slate-50 p-2">
      <h2 className="px-1 font-semibold">{props.heading}</h2>
      {props.children}
      {props.items.length === 0 ? <p className="px-1 text-sm text-slate-500">{t("cal.empty")}</p> : null}
      {props.items.map((a) => (
        <AppointmentCard
          key={a.id}
          a={a}
          locale={props.locale}
          clinicSlug={props.clinicSlug}
          timeZone={props.timeZone}
          showVet={props.showVet}
        />
      ))}
    </section>
  );
}
