// The client's view of a pet's vaccinations: each vaccine's last dose, next due date and status (shaped in
// SQL: no batch or staff names reach the client).
import { HeadedSection } from "@/app/_components/headed-section";
import { formatDay } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import type { ClientVaccineStatus } from "@/lib/vaccinations/list-my-pet-vaccinations";
import { VaccineStatusBadge } from "@/app/_components/vaccine-status-badge";

export function PetVaccinationsSection({ locale, items }: { locale: Locale; items: ClientVaccineStatus[] }) {
  const t = translator(locale, clinicalMessages);
  return (
    <HeadedSection id="pet-vaccinations" title={t("vx.title")} className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
      {items.length === 0 ? <p className="text-slate-600">{t("vx.empty")}</p> : null}
      <ul className="divide-y divide-slate-100" aria-label={t("vx.title")}>
        {items.map((v) => (
          <li key={v.vaccineName} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span className="font-medium">{v.vaccineName}</span>
            <span className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
              {v.nextDueOn ? t("vx.due", { date: formatDay(v.nextDueOn, locale, "long") }) : null}
              <VaccineStatusBadge status={v.status} label={t(`vx.status.${v.status}`)} />
            </span>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
