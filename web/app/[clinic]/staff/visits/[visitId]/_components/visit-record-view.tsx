// A finalized visit (or one the reader may not edit), read-only: the same sections as the editor.
import { translator, type Locale } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import type { Visit, VisitNotes } from "@/lib/visits/visit-record";

function Row({ label, value, none }: { label: string; value: string | number | null; none: string }) {
  return (
    <div>
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="whitespace-pre-wrap">{value === null || value === "" ? none : value}</dd>
    </div>
  );
}

export function VisitRecordView(props: { locale: Locale; visit: Visit; notes: VisitNotes | null }) {
  const t = translator(props.locale, visitMessages);
  const { visit, notes } = props;
  const none = t("visit.none");
  return (
    <div className="space-y-4">
      <dl className="grid gap-3">
        <Row label={t("visit.reason")} value={visit.reason} none={none} />
      </dl>
      <h2 className="text-lg font-semibold">{t("visit.vitals")}</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Row label={t("visit.weightKg")} value={visit.weightKg} none={none} />
        <Row label={t("visit.temperatureC")} value={visit.temperatureC} none={none} />
        <Row label={t("visit.heartRateBpm")} value={visit.heartRateBpm} none={none} />
        <Row label={t("visit.respiratoryRate")} value={visit.respiratoryRate} none={none} />
      </dl>
      <h2 className="text-lg font-semibold">{t("visit.soap")}</h2>
      {notes ? (
        <dl className="grid gap-3" data-testid="soap-notes">
          <Row label={t("visit.subjective")} value={notes.subjective} none={none} />
          <Row label={t("visit.objective")} value={notes.objective} none={none} />
          <Row label={t("visit.assessment")} value={notes.assessment} none={none} />
          <Row label={t("visit.plan")} value={notes.plan} none={none} />
          <Row label={t("visit.diagnoses")} value={notes.diagnoses.join(", ")} none={none} />
        </dl>
      ) : (
        <p className="rounded-lg bg-slate-100 p-3 text-sm text-slate-700">{t("visit.notesHidden")}</p>
      )}
      <h2 className="text-lg font-semibold">{t("visit.forOwner")}</h2>
      <dl className="grid gap-3">
        <Row label={t("visit.summary")} value={visit.summary} none={none} />
        <Row label={t("visit.dischargeInstructions")} value={visit.dischargeInstructions} none={none} />
      </dl>
      {visit.sharedWithClient ? <p className="text-sm text-slate-700">{t("visit.shared")}</p> : null}
    </div>
  );
}
