// Vaccinations, prescriptions and their dispensings as timeline entries for the patient chart, beside the
// visits and weights, so the chart reads as one history. The sections below the timeline keep the actions.
import { formatDay, formatWhen } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import { visitMessages } from "@/lib/i18n/messages/visits";
import type { PrescriptionWithLedger } from "@/lib/prescriptions/list-pet-prescriptions";
import type { VaccinationLine } from "@/lib/vaccinations/list-pet-vaccinations";
import type { TimelineEntry } from "./chart-timeline";

interface Ctx {
  timeZone: string;
  locale: Locale;
}

/** A vaccination has a date, not an instant: it sorts as the middle of that day. */
function middleOf(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function vaccinationEntries(history: VaccinationLine[], ctx: Ctx): TimelineEntry[] {
  const t = translator(ctx.locale, visitMessages);
  const tc = translator(ctx.locale, clinicalMessages);
  return history.map((v) => ({
    key: `vaccination-${v.id}`,
    at: middleOf(v.givenOn),
    kind: t("entry.vaccination"),
    content: (
      <span className="text-sm text-slate-700">
        {[
          formatDay(v.givenOn, ctx.locale),
          v.vaccineName,
          tc("vx.givenBy", { name: v.givenByName }),
          v.batch,
          // the long form has the year: a booster is usually due on the same day of a later year
          v.nextDueOn ? tc("vx.due", { date: formatDay(v.nextDueOn, ctx.locale, "long") }) : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
    ),
  }));
}

export function prescriptionEntries(prescriptions: PrescriptionWithLedger[], ctx: Ctx): TimelineEntry[] {
  const t = translator(ctx.locale, visitMessages);
  const tc = translator(ctx.locale, clinicalMessages);
  return prescriptions.flatMap((rx) => [
    {
      key: `prescription-${rx.id}`,
      at: rx.prescribedAt,
      kind: t("entry.prescription"),
      content: (
        <span className="text-sm text-slate-700">
          {[
            formatWhen(rx.prescribedAt, ctx.timeZone, ctx.locale),
            `${rx.medication} (${rx.dose})`,
            rx.vetName,
            tc(`rx.status.${rx.status}`),
          ].join(" · ")}
        </span>
      ),
    },
    ...rx.dispensings.map((d) => ({
      key: `dispensing-${d.id}`,
      at: d.dispensedAt,
      kind: t("entry.dispensing"),
      content: (
        <span className="text-sm text-slate-700">
          {[
            formatWhen(d.dispensedAt, ctx.timeZone, ctx.locale),
            t("entry.dispensed", { medication: rx.medication, n: d.quantity, unit: rx.unit }),
            d.batch,
          ]
            .filter(Boolean)
            .join(" · ")}
        </span>
      ),
    })),
  ]);
}
