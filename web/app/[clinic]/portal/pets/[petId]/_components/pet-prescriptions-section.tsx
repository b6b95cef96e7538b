// The client's view of a pet's active prescriptions: what was prescribed, how to give it, refills left and
// until when (shaped in SQL: no ledger, batch or staff-only fields reach the client).
import { HeadedSection } from "@/app/_components/headed-section";
import { formatDay } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import type { ClientPrescription } from "@/lib/prescriptions/list-my-pet-prescriptions";

export function PetPrescriptionsSection({ locale, items }: { locale: Locale; items: ClientPrescription[] }) {
  const t = translator(locale, clinicalMessages);
  return (
    <HeadedSection
      id="pet-prescriptions"
      title={t("rx.portalTitle")}
      className="space-y-3 rounded-2xl bg-white p-5 shadow-sm"
    >
      {items.length === 0 ? <p className="text-slate-600">{t("rx.portalEmpty")}</p> : null}
      <ul className="divide-y divide-slate-100" aria-label={t("rx.portalTitle")}>
        {items.map((rx) => (
          <li key={rx.id} className="space-y-1 py-3">
            <p className="font-semibold">{rx.medication}</p>
            <p className="text-sm text-slate-700">
              {rx.dose} · {rx.directions}
            </p>
            <p className="text-sm font-medium" data-testid="portal-rx-refills">
              {t("rx.refillsLeft", { n: rx.refillsLeft })} ·{" "}
              {t("rx.remaining", { n: rx.quantityRemaining, unit: rx.unit })}
            </p>
            <p className="text-sm text-slate-600">
              {t("rx.portalExpires", { date: formatDay(rx.expiresOn, locale, "long") })} · {rx.vetName}
            </p>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
