// A pet's prescriptions for staff: state, what remains and the refills left, the dispensing ledger, and the
// actions the caller's role allows (dispense, cancel, print). Composed into the patient chart by its page.
import Link from "next/link";
import { HeadedSection } from "@/app/_components/headed-section";
import { buttonClass } from "@/app/_components/button";
import { formatDay, formatWhen } from "@/lib/format/time";
import { translator, type Locale } from "@/lib/i18n";
import { clinicalMessages } from "@/lib/i18n/messages/clinical";
import type { PrescriptionWithLedger } from "@/lib/prescriptions/list-pet-prescriptions";
import { CancelPrescriptionForm } from "./cancel-prescription-form";
import { DispenseForm } from "./dispense-form";
import { PrescriptionStatusBadge } from "./prescription-status-badge";

interface Props {
  locale: Locale;
  clinicSlug: string;
  timeZone: string;
  petId: string;
  prescriptions: PrescriptionWithLedger[];
  canPrescribe: boolean;
  canDispense: boolean;
}

export function PrescriptionsSection(props: Props) {
  const { locale, clinicSlug, timeZone, petId, prescriptions } = props;
  const t = translator(locale, clinicalMessages);
  const base = `/${clinicSlug}/staff/pets/${petId}/prescriptions`;
  return (
    <HeadedSection id="prescriptions" title={t("rx.title")} className="space-y-3 rounded-2xl bg-white p-5 shadow-sm">
      {props.canPrescribe ? (
        <Link href={`${base}/new`} className={buttonClass("primary", "w-full sm:w-auto")}>
          {t("rx.new")}
        </Link>
      ) : null}
      {prescriptions.length === 0 ? <p className="text-slate-600">{t("rx.empty")}</p> : null}
      <ul className="space-y-4" aria-label={t("rx.title")}>
        {prescriptions.map((rx) => (
          <li key={rx.id} className="space-y-2 rounded-xl border border-slate-200 p-4">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-semibold">{rx.medication}</h3>
              <PrescriptionStatusBadge status={rx.status} label={t(`rx.status.${rx.status}`)} />
            </div>
            <p className="text-sm text-slate-700">
              {rx.dose} · {rx.directions}
            </p>
            <p className="text-sm text-slate-600">
              {t("rx.prescribedBy", { name: rx.vetName, date: formatWhen(rx.prescribedAt, timeZone, locale) })} ·{" "}
              {t("rx.expiresOn")} {formatDay(rx.expiresOn, locale, "long")}
            </p>
            {rx.status === "cancelled" && rx.cancelReason ? (
              <p className="text-sm text-red-800">{t("rx.cancelledBecause", { reason: rx.cancelReason })}</p>
            ) : (
              <p className="text-sm font-medium" data-testid="rx-remaining">
                {t("rx.remaining", { n: rx.quantityRemaining, unit: rx.unit })} ·{" "}
                {t("rx.refillsLeft", { n: rx.refillsLeft })}
              </p>
            )}
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">
                {t("rx.ledger")} ({rx.dispensings.length})
              </summary>
              {rx.dispensings.length === 0 ? (
                <p className="mt-2 text-slate-600">{t("rx.ledgerEmpty")}</p>
              ) : (
                <ul className="mt-2 space-y-1">
                  {rx.dispensings.map((d) => (
                    <li key={d.id}>
                      {t("rx.ledgerLine", {
                        date: formatWhen(d.dispensedAt, timeZone, locale),
                        quantity: d.quantity,
                        unit: rx.unit,
                        name: d.dispensedByName,
                      })}
                      {d.batch ? ` · ${t("rx.ledgerBatch", { batch: d.batch })}` : ""}
                    </li>
                  ))}
                </ul>
              )}
            </details>
            {rx.status === "active" && props.canDispense ? (
              <DispenseForm
                locale={locale}
                clinicSlug={clinicSlug}
                prescriptionId={rx.id}
                quantityPerFill={rx.quantityPerFill}
                quantityRemaining={rx.quantityRemaining}
              />
            ) : null}
            <div className="flex flex-wrap gap-3">
              <Link href={`${base}/${rx.id}/print`} className="text-sm text-brand-700 underline">
                {t("rx.print")}
              </Link>
            </div>
            {props.canPrescribe && rx.status !== "cancelled" ? (
              <CancelPrescriptionForm locale={locale} clinicSlug={clinicSlug} prescriptionId={rx.id} />
            ) : null}
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
