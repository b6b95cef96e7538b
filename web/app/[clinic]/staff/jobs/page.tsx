// /[clinic]/staff/jobs - owners: recent scheduled-job runs and this clinic's last delivery failures.
import { listCronRuns, type CronRun } from "@/lib/cron/list-cron-runs";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { can } from "@/lib/clinics/permissions";
import { withUser } from "@/lib/db/context";
import { translator, type Translate } from "@/lib/i18n";
import { notificationMessages } from "@/lib/i18n/messages/notifications";
import { listDeliveryFailures, type DeliveryFailure } from "@/lib/notifications/list-delivery-failures";
import { pageTitle } from "@/lib/i18n/page-title";
import { HeadedSection } from "@/app/_components/headed-section";

export const generateMetadata = pageTitle(notificationMessages, "jobsTitle");
export const dynamic = "force-dynamic";

type Key = keyof (typeof notificationMessages)["en"];

const statusKey: Record<CronRun["status"], Key> = {
  running: "statusRunning",
  succeeded: "statusSucceeded",
  failed: "statusFailed",
  skipped: "statusSkipped",
  abandoned: "statusAbandoned",
};
const statusClass: Record<CronRun["status"], string> = {
  running: "bg-sky-100 text-sky-900",
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  skipped: "bg-slate-100 text-slate-700",
  abandoned: "bg-amber-100 text-amber-900",
};

function runNotes(run: CronRun, t: Translate<Key>): string {
  const notes: string[] = [];
  if (run.stopped_by_budget) notes.push(t("stoppedByBudget"));
  for (const [k, v] of Object.entries(run.details))
    if (typeof v === "number" && v > 0) notes.push(`${k.replace(/_/g, " ")}: ${v}`);
  if (run.error) notes.push(run.error);
  return notes.join(" · ");
}

function fallbackNote(f: DeliveryFailure, t: Translate<Key>): string | null {
  if (!f.fallback_status) return null;
  if (f.fallback_status === "sent") return t("fallbackSent");
  if (f.fallback_status === "failed" || f.fallback_status === "cancelled") return t("fallbackFailed");
  return t("fallbackPending");
}

export default async function JobsPage(props: { params: Promise<{ clinic: string }> }) {
  const { clinic: slug } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  const t = translator(locale, notificationMessages);
  if (!can(access, "jobs.read")) {
    return (
      <p role="status" className="mx-auto max-w-3xl rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-900">
        {t("jobsOwnersOnly")}
      </p>
    );
  }
  const clinicId = access.clinic.id;
  const [runs, failures] = await withUser(
    user,
    async (db) => [await listCronRuns(db, clinicId, 50), await listDeliveryFailures(db, clinicId, 50)] as const,
  );
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone: access.clinic.timeZone,
  });
  const seconds = (r: CronRun) =>
    r.finished_at
      ? `${((new Date(r.finished_at).getTime() - new Date(r.started_at).getTime()) / 1000).toFixed(1)} s`
      : "…";

  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("jobsTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("jobsIntro", { zone: access.clinic.timeZone })}</p>
      </div>

      <ListSection id="runs-heading" title={t("runsTitle")} empty={runs.length === 0 ? t("runsEmpty") : null}>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
          <table className="w-full min-w-[640px] text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="p-3">{t("colJob")}</th>
                <th className="p-3">{t("colStarted")}</th>
                <th className="p-3">{t("colDuration")}</th>
                <th className="p-3">{t("colStatus")}</th>
                <th className="p-3 text-right">{t("colDone")}</th>
                <th className="p-3 text-right">{t("colFailed")}</th>
                <th className="p-3 text-right">{t("colSkipped")}</th>
                <th className="p-3">{t("colNotes")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {runs.map((r) => (
                <tr key={r.id} data-testid="cron-run">
                  <td className="p-3 font-mono text-xs">{r.job}</td>
                  <td className="whitespace-nowrap p-3">{time.format(new Date(r.started_at))}</td>
                  <td className="p-3">{seconds(r)}</td>
                  <td className="p-3">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusClass[r.status]}`}>
                      {t(statusKey[r.status])}
                    </span>
                  </td>
                  <td className="p-3 text-right">{r.items_done}</td>
                  <td className="p-3 text-right">{r.items_failed}</td>
                  <td className="p-3 text-right">{r.items_skipped}</td>
                  <td className="max-w-xs break-words p-3 text-xs text-slate-600">{runNotes(r, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </ListSection>

      <ListSection
        id="failures-heading"
        title={t("failuresTitle")}
        empty={failures.length === 0 ? t("failuresEmpty") : null}
      >
        <ul className="divide-y divide-slate-100 rounded-xl bg-white shadow-sm">
          {failures.map((f) => (
            <li key={f.id} data-testid="delivery-failure" className="space-y-1 p-4 text-sm">
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs uppercase">{f.channel}</span>
                <span className="break-all font-medium">{f.recipient}</span>
                <span className="text-slate-500">{f.template}</span>
              </p>
              <p className="break-words text-red-800">{f.last_error}</p>
              <p className="text-xs text-slate-500">
                {t("colAttempts")}: {f.attempts} · {t("colFailedAt")}:{" "}
                {f.failed_at ? time.format(new Date(f.failed_at)) : "—"}
                {fallbackNote(f, t) ? ` · ${fallbackNote(f, t)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </ListSection>
    </div>
  );
}

/** A headed section of the page: its list, or the line saying the list is empty. */
function ListSection(props: { id: string; title: string; empty: string | null; children: React.ReactNode }) {
  return (
    <HeadedSection id={props.id} title={props.title} className="space-y-3">
      {props.empty !== null ? <p className="text-slate-600">{props.empty}</p> : props.children}
    </HeadedSection>
  );
}
