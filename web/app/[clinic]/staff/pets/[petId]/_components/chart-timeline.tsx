// The chart's timeline: dated entries of any kind, newest first. Each record type (visits and weights now;
// vaccinations and prescriptions later) turns its rows into TimelineEntry values and the page merges them,
// so a new kind of entry needs no change here.
import { HeadedSection } from "@/app/_components/headed-section";

export interface TimelineEntry {
  key: string;
  at: Date;
  /** Short label of the kind of entry ("Visit", "Weight"), shown as a badge. */
  kind: string;
  content: React.ReactNode;
}

export function ChartTimeline(props: {
  title: string;
  empty: string;
  entries: TimelineEntry[];
  footer?: React.ReactNode;
}) {
  const entries = [...props.entries].sort((a, b) => b.at.getTime() - a.at.getTime());
  return (
    <HeadedSection
      id="chart-timeline"
      title={props.title}
      className="space-y-3 rounded-2xl bg-white p-4 shadow-sm sm:p-5"
    >
      {entries.length === 0 ? (
        <p className="text-slate-600">{props.empty}</p>
      ) : (
        <ol className="space-y-3 border-l-2 border-slate-200 pl-4" aria-label={props.title}>
          {entries.map((e) => (
            <li key={e.key} className="relative" data-testid="timeline-entry">
              <span aria-hidden className="absolute -left-[1.4rem] top-1.5 size-3 rounded-full bg-brand-600" />
              <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium uppercase text-slate-700">
                {e.kind}
              </span>
              {e.content}
            </li>
          ))}
        </ol>
      )}
      {props.footer}
    </HeadedSection>
  );
}
