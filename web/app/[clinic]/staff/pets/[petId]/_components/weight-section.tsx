// The weight section of the chart: a line chart and, beside it, the same history as a table.
import { HeadedSection } from "@/app/_components/headed-section";
import type { Locale } from "@/lib/i18n";
import { translator } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import type { WeightEntry } from "@/lib/visits/list-pet-weights";
import { WeightChart } from "./weight-chart";

function day(at: Date, timeZone: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale, { timeZone, day: "numeric", month: "short", year: "2-digit" }).format(at);
}

export function WeightSection(props: { weights: WeightEntry[]; timeZone: string; locale: Locale }) {
  const t = translator(props.locale, visitMessages);
  const { weights, timeZone, locale } = props;
  const points = weights.map((w) => ({
    at: w.measuredAt.getTime(),
    label: day(w.measuredAt, timeZone, locale),
    kg: w.weightKg,
  }));
  return (
    <HeadedSection
      id="chart-weight"
      title={t("chart.weight")}
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm sm:p-5"
    >
      {weights.length === 0 ? (
        <p className="text-slate-600">{t("chart.noWeights")}</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-[2fr_1fr]">
          <WeightChart points={points} label={t("chart.weightTable")} />
          <table className="w-full text-sm">
            <caption className="mb-1 text-left font-medium text-slate-700">{t("chart.weightTable")}</caption>
            <thead>
              <tr className="text-left text-slate-600">
                <th scope="col" className="py-1 font-medium">
                  {t("chart.date")}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t("chart.kg")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...points].reverse().map((p) => (
                <tr key={p.at} className="border-t border-slate-100">
                  <td className="py-1">{p.label}</td>
                  <td className="py-1 text-right tabular-nums">{p.kg}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </HeadedSection>
  );
}
