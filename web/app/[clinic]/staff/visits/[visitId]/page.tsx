// /[clinic]/staff/visits/[visitId] - one visit: the editor while it is open (clinicians), the signed record
// with its addenda once finalized. Built for a phone in the exam room: one column, large controls.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HeadedSection } from "@/app/_components/headed-section";
import { listVisitInvoices } from "@/lib/billing/list-visit-invoices";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { can, requireCan } from "@/lib/clinics/permissions";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { formatWhen } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { visitMessages } from "@/lib/i18n/messages/visits";
import { listServices } from "@/lib/schedules/list-services";
import { getVisit } from "@/lib/visits/get-visit";
import { AddendumForm } from "./_components/addendum-form";
import { CreateInvoiceButton } from "./_components/create-invoice-button";
import { FinalizeButton } from "./_components/finalize-button";
import { VisitCharges } from "./_components/visit-charges";
import { VisitForm } from "./_components/visit-form";
import { VisitRecordView } from "./_components/visit-record-view";

type Props = { params: Promise<{ clinic: string; visitId: string }> };

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await loadStaffPage((await props.params).clinic);
  return { title: translator(locale, visitMessages)("entry.visit") };
}

export default async function VisitPage(props: Props) {
  const { clinic: slug, visitId } = await props.params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "visits.read");
  const clinicId = access.clinic.id;
  const data = await withUser(user, async (db) => ({
    detail: await getVisit(db, { clinicId, visitId }),
    services: await listServices(db, clinicId),
    invoices: can(access, "billing.use") ? await listVisitInvoices(db, { clinicId, visitId }) : null,
  })).catch((err: unknown) => {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) return null;
    throw err;
  });
  if (!data) notFound();
  const { detail, services, invoices } = data;
  const invoice = invoices?.live ?? null;
  const { visit } = detail;
  const t = translator(locale, visitMessages);
  const timeZone = access.clinic.timeZone;
  const url = `/api/clinics/${access.clinic.slug}/visits/${visit.id}`;
  const writer = can(access, "visits.write");
  const open = visit.finalizedAt === null;
  const section = "space-y-3 rounded-2xl bg-white p-4 shadow-sm sm:p-5";

  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <Link href={`/${access.clinic.slug}/staff/pets/${visit.petId}`} className="text-sm text-brand-700 underline">
        {t("visit.back")}
      </Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("visit.title", { name: detail.petName })}</h1>
        <p className="text-slate-700">
          {[formatWhen(visit.startedAt, timeZone, locale), detail.clientName, detail.vetName]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <p className="text-sm font-medium" data-testid="visit-status">
          {visit.finalizedAt
            ? t("visit.finalizedBy", {
                when: formatWhen(visit.finalizedAt, timeZone, locale),
                name: detail.finalizedByName ?? t("visit.none"),
              })
            : t("visit.open")}
        </p>
      </header>
      <div className={section}>
        {open && writer ? (
          <VisitForm locale={locale} url={url} visit={visit} notes={detail.notes} />
        ) : (
          <VisitRecordView locale={locale} visit={visit} notes={detail.notes} />
        )}
      </div>
      <HeadedSection id="visit-charges" title={t("visit.charges")} className={section}>
        <VisitCharges
          locale={locale}
          url={url}
          currency={access.clinic.currency.trim()}
          charges={detail.charges}
          services={services.map((s) => ({ id: s.id, name: s.name, priceCents: s.priceCents }))}
          editable={open && writer}
        />
      </HeadedSection>
      {open && writer ? <FinalizeButton locale={locale} url={url} /> : null}
      {!open && invoice ? (
        <Link
          href={`/${access.clinic.slug}/staff/invoices/${invoice.id}`}
          className="inline-block font-medium text-brand-700 underline"
          data-testid="visit-invoice"
        >
          {invoice.number ? t("visit.invoice", { number: invoice.number }) : t("visit.invoiceDraft")}
        </Link>
      ) : null}
      {!open && invoices && invoices.voided.length > 0 ? (
        <div className="space-y-1" data-testid="visit-voided-invoices">
          <h2 className="text-sm font-semibold text-slate-700">{t("visit.voidedInvoices")}</h2>
          <ul className="space-y-1 text-sm">
            {invoices.voided.map((v) => (
              <li key={v.id}>
                <Link href={`/${access.clinic.slug}/staff/invoices/${v.id}`} className="text-brand-700 underline">
                  {t("visit.voidedInvoice", {
                    label: v.number ? t("visit.invoice", { number: v.number }) : t("visit.invoiceDraft"),
                    reason: v.voidReason ?? "",
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!open && !invoice && can(access, "billing.use") && detail.charges.length > 0 ? (
        <CreateInvoiceButton
          locale={locale}
          url={url}
          invoicesPath={`/${access.clinic.slug}/staff/invoices`}
          again={(invoices?.voided.length ?? 0) > 0}
        />
      ) : null}
      {!open && detail.notes ? (
        <HeadedSection id="visit-addenda" title={t("visit.addenda")} className={section}>
          {detail.addenda.length === 0 ? (
            <p className="text-slate-600">{t("visit.noAddenda")}</p>
          ) : (
            <ol className="space-y-2">
              {detail.addenda.map((a) => (
                <li key={a.id} className="rounded-lg border border-slate-200 p-3" data-testid="addendum">
                  <p className="text-sm text-slate-600">
                    {t("visit.addendumBy", {
                      when: formatWhen(a.createdAt, timeZone, locale),
                      name: a.authorName ?? t("visit.none"),
                    })}
                  </p>
                  <p className="whitespace-pre-wrap">{a.body}</p>
                </li>
              ))}
            </ol>
          )}
          {writer ? <AddendumForm locale={locale} url={url} /> : null}
        </HeadedSection>
      ) : null}
    </div>
  );
}
