// The visit summaries and discharge instructions a vet shared with the owner (never clinical notes: the
// use-case returns only these fields).
import { HeadedSection } from "@/app/_components/headed-section";
import { formatWhen } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import type { SharedVisitSummary } from "@/lib/visits/list-shared-visit-summaries";

export function SharedVisitSummaries(props: { items: SharedVisitSummary[]; locale: Locale; timeZone: string }) {
  const t = translator(props.locale, visitMessages);
  return (
    <HeadedSection id="pet-visits" title={t("portal.visits")} className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
      {props.items.length === 0 ? (
        <p className="text-slate-600">{t("portal.noVisits")}</p>
      ) : (
        <ol className="space-y-3">
          {props.items.map((v) => (
            <li
              key={v.visitId}
              className="space-y-2 rounded-lg border border-slate-200 p-3"
              data-testid="visit-summary"
            >
              <p className="text-sm font-medium text-slate-700">
                {formatWhen(v.startedAt, props.timeZone, props.locale)}
                {v.vetName ? ` · ${t("portal.with", { name: v.vetName })}` : ""}
              </p>
              {v.summary ? (
                <div>
                  <h3 className="text-sm font-semibold">{t("visit.summary")}</h3>
                  <p className="whitespace-pre-wrap">{v.summary}</p>
                </div>
              ) : null}
              {v.dischargeInstructions ? (
                <div>
                  <h3 className="text-sm font-semibold">{t("visit.dischargeInstructions")}</h3>
                  <p className="whitespace-pre-wrap">{v.dischargeInstructions}</p>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </HeadedSection>
  );
}
