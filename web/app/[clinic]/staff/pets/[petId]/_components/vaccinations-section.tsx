// A pet's vaccinations for staff: the status per vaccine (up to date / due soon / overdue), the record form
// when the caller's role may record, and the history. Composed into the patient chart by its page.
import { HeadedSection } from "@/app/_components/headed-section";
import { formatDay } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import type { VaccinationLine, VaccineStatusLine } from "@/lib/vaccinations/list-pet-vaccinations";
import type { Vaccine } from "@/lib/vaccinations/vaccine-record";
import { RecordVaccinationForm } from "./record-vaccination-form";
import { VaccineStatusBadge } from "@/app/_components/vaccine-status-badge";

interface Props {
  locale: Locale;
  clinicSlug: string;
  petId: string;
  today: string;
  statuses: VaccineStatusLine[];
  history: VaccinationLine[];
  /** The clinic's vaccines for this pet's species; null when the caller may not record. */
  vaccines: Vaccine[] | null;
}

export function VaccinationsSection(props: Props) {
  const { locale, statuses, history } = props;
  const t = translator(locale, clinicalMessages);
  const day = (d: string) => formatDay(d, locale, "long");
  return (
    <HeadedSection id="vaccinations" title={t("vx.title")} className="space-y-4 rounded-2xl bg-white p-5 shadow-sm">
      {statuses.length === 0 ? <p className="text-slate-600">{t("vx.empty")}</p> : null}
      <ul className="divide-y divide-slate-100" aria-label={t("vx.title")}>
        {statuses.map((s) => (
          <li key={s.vaccineId} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="font-medium">{s.vaccineName}</span>
            <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              {s.nextDueOn ? t("vx.due", { date: day(s.nextDueOn) }) : null}
              <VaccineStatusBadge status={s.status} label={t(`vx.status.${s.status}`)} />
            </span>
          </li>
        ))}
      </ul>
      {props.vaccines ? (
        <details className="rounded-lg border border-slate-200 p-3" open={statuses.length === 0}>
          <summary className="cursor-pointer font-medium text-brand-700">{t("vx.record")}</summary>
          <div className="mt-3">
            <RecordVaccinationForm
              locale={locale}
              clinicSlug={props.clinicSlug}
              petId={props.petId}
              today={props.today}
              vaccines={props.vaccines}
            />
          </div>
        </details>
      ) : null}
      {history.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">
            {t("vx.history")} ({history.length})
          </summary>
          <ul className="mt-2 space-y-1">
            {history.map((h) => (
              <li key={h.id}>
                {day(h.givenOn)}: {h.vaccineName}
                {h.batch ? ` · ${t("rx.ledgerBatch", { batch: h.batch })}` : ""} ·{" "}
                {t("vx.givenBy", { name: h.givenByName })}
                {h.nextDueOn ? ` · ${t("vx.due", { date: day(h.nextDueOn) })}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </HeadedSection>
  );
}
