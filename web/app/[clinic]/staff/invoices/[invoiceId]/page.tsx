// /[clinic]/staff/invoices/[invoiceId] - one invoice: a draft is edited and issued; an issued one shows as a
// document with the payment form, refunds per payment and (owners, admins) corrective credit notes and voiding.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink, buttonClass } from "@/app/_components/button";
import { CreditNoteLinks } from "@/app/_components/credit-note-links";
import { InvoiceDocument } from "@/app/_components/invoice-document";
import { getInvoice } from "@/lib/billing/get-invoice";
import { listTaxRates } from "@/lib/billing/list-tax-rates";
import { can, requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { listServices } from "@/lib/schedules/list-services";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format/money";
import { formatWhen } from "@/lib/format/time";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { InvoiceEditor } from "../_components/invoice-editor";
import { CreditNoteForm } from "../_components/credit-note-form";
import { IssueButton, RecordPaymentForm, RefundForm, VoidForm } from "../_components/invoice-actions";

export const generateMetadata = pageTitle(billingMessages, "list.title");

type Props = { params: Promise<{ clinic: string; invoiceId: string }> };

export default async function StaffInvoicePage({ params }: Props) {
  const { clinic: slug, invoiceId } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const t = translator(locale, billingMessages);
  const clinic = access.clinic;
  const [detail, rates, services] = await withUser(user, async (db) => [
    await getInvoice(db, clinic.id, invoiceId).catch((e: unknown) => {
      if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT")) notFound();
      throw e;
    }),
    await listTaxRates(db, clinic.id),
    await listServices(db, clinic.id),
  ]);
  const inv = detail.invoice;
  const base = `/${clinic.slug}/staff/invoices`;
  const api = `/api/clinics/${clinic.slug}/invoices/${inv.id}`;
  const manager = can(access, "billing.manage");
  const payable = (inv.status === "issued" || inv.status === "partially_paid") && (inv.balanceMinor ?? 0) > 0;

  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href={base} className="text-sm text-brand-700 underline">
          {t("invoice.back")}
        </Link>
        {inv.status !== "draft" ? (
          <div className="flex flex-wrap gap-2">
            <ButtonLink variant="secondary" href={`${base}/${inv.id}/print`}>
              {t("invoice.print")}
            </ButtonLink>
            <a className={buttonClass("secondary")} href={`${base}/${inv.id}/pdf`} download>
              {t("invoice.downloadPdf")}
            </a>
          </div>
        ) : null}
      </div>
      {inv.status === "draft" ? (
        <>
          <h1 className="text-2xl font-semibold">
            {t("invoice.draft")} · {detail.client.fullName}
          </h1>
          <InvoiceEditor
            locale={locale}
            clinicSlug={clinic.slug}
            currency={inv.currency}
            pricesIncludeTax={inv.pricesIncludeTax}
            taxRates={rates}
            services={services.map((sv) => ({ id: sv.id, name: sv.name, priceMinor: sv.priceCents }))}
            invoiceId={inv.id}
            lines={detail.lines}
            notes={inv.notes}
          />
          <InvoiceDocument detail={detail} locale={locale} timeZone={clinic.timeZone} headingLevel={2} />
          <IssueButton locale={locale} url={api} />
        </>
      ) : (
        <>
          <InvoiceDocument detail={detail} locale={locale} timeZone={clinic.timeZone} />
          <CreditNoteLinks notes={detail.creditNotes} pdfUrl={`${base}/${inv.id}/pdf`} locale={locale} />
        </>
      )}
      {payable ? (
        <RecordPaymentForm locale={locale} url={api} currency={inv.currency} balanceMinor={inv.balanceMinor ?? 0} />
      ) : null}
      {manager && payable ? (
        <CreditNoteForm
          locale={locale}
          url={`${api}/credit-notes`}
          currency={inv.currency}
          invoiceNumber={inv.number ?? ""}
          pricesIncludeTax={inv.pricesIncludeTax}
          lines={detail.lines
            .filter((l) => l.kind !== "text")
            .map((l) => ({ id: l.id, description: l.description, remainingMinor: l.amountMinor - l.creditedMinor }))}
        />
      ) : null}
      {manager
        ? detail.payments
            .filter((p) => p.amountMinor > p.refundedMinor)
            .map((p) => (
              <RefundForm
                key={p.id}
                locale={locale}
                url={`/api/clinics/${clinic.slug}/payments/${p.id}/refunds`}
                currency={inv.currency}
                paymentId={p.id}
                refundableMinor={p.amountMinor - p.refundedMinor}
                label={`${t(`method.${p.method}`)} ${formatMoney(p.amountMinor, inv.currency, locale)} · ${formatWhen(p.receivedAt, clinic.timeZone, locale)}`}
              />
            ))
        : null}
      {manager && inv.status !== "void" && inv.paidMinor - inv.refundedMinor === 0 ? (
        <VoidForm locale={locale} url={api} />
      ) : null}
    </div>
  );
}
