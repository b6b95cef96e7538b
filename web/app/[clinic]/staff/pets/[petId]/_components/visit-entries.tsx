// Visits and weights as timeline entries for the patient chart.
import Link from "next/link";
import { formatWhen } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import type { PetVisitItem } from "@/lib/visits/list-pet-visits";
import type { WeightEntry } from "@/lib/visits/list-pet-weights";
import type { TimelineEntry } from "./chart-timeline";

export function visitEntries(
  visits: PetVisitItem[],
  ctx: { slug: string; timeZone: string; locale: Locale; vetNames: Map<string, string> },
): TimelineEntry[] {
  const t = translator(ctx.locale, visitMessages);
  return visits.map((v) => ({
    key: `visit-${v.id}`,
    at: v.startedAt,
    kind: t("entry.visit"),
    content: (
      <div className="mt-1 space-y-1">
        <Link href={`/${ctx.slug}/staff/visits/${v.id}`} className="font-medium text-brand-700 underline">
          {formatWhen(v.startedAt, ctx.timeZone, ctx.locale)} · {v.reason ?? t("entry.visit")}
        </Link>
        <p className="text-sm text-slate-600">
          {[
            v.vetId ? ctx.vetNames.get(v.vetId) : null,
            v.finalizedAt ? t("visit.finalized") : t("visit.open"),
            v.sharedWithClient ? t("visit.shared") : null,
            v.diagnoses?.length ? v.diagnoses.join(", ") : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
    ),
  }));
}

export function weightEntries(weights: WeightEntry[], ctx: { timeZone: string; locale: Locale }): TimelineEntry[] {
  const t = translator(ctx.locale, visitMessages);
  return weights.map((w) => ({
    key: `weight-${w.id}`,
    at: w.measuredAt,
    kind: t("entry.weight"),
    content: (
      <span className="text-sm text-slate-700">
        {formatWhen(w.measuredAt, ctx.timeZone, ctx.locale)} · {t("chart.weighed", { kg: w.weightKg })}
      </span>
    ),
  }));
}
