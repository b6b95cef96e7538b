// /[clinic]/portal/invoices/[invoiceId] - one of the client's own issued invoices, with "Pay now" while something
// is owed and the clinic takes card payments (else "Pay at the clinic"). RLS hides drafts and other clients'
// invoices: those are a 404.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/app/_components/button";
import { CreditNoteLinks } from "@/app/_components/credit-note-links";
import { InvoiceDocument } from "@/app/_components/invoice-document";
import { getInvoice } from "@/lib/billing/get-invoice";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { takesCardPayments } from "@/lib/stripe/takes-card-payments";

export const generateMetadata = pageTitle(billingMessages, "portal.title");

export default async function MyInvoicePage({ params }: { params: Promise<{ clinic: string; invoiceId: string }> }) {
  const { clinic: slug, invoiceId } = await params;
  const ctx = await loadPortalPage(slug, `/portal/invoices/${invoiceId}`);
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, billingMessages);
  const detail = await withUser(user, (db) => getInvoice(db, access.clinic.id, invoiceId)).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT")) notFound();
    throw e;
  });
  if (detail.invoice.clientId !== clientId) notFound();
  const inv = detail.invoice;
  const owed = (inv.status === "issued" || inv.status === "partially_paid") && (inv.balanceMinor ?? 0) > 0;
  const online = owed && (await takesCardPayments(access.clinic.id));
  return (
    <div className="space-y-4">
      <Link href={`/${access.clinic.slug}/portal/invoices`} className="text-sm text-brand-700 underline">
        {t("portal.back")}
      </Link>
      <p>
        <a
          className="font-medium text-brand-700 underline"
          href={`/${access.clinic.slug}/portal/invoices/${detail.invoice.id}/pdf`}
          download
        >
          {t("invoice.downloadPdf")}
        </a>
      </p>
      <InvoiceDocument detail={detail} locale={locale} timeZone={access.clinic.timeZone} />
      <CreditNoteLinks
        notes={detail.creditNotes}
        pdfUrl={`/${access.clinic.slug}/portal/invoices/${inv.id}/pdf`}
        locale={locale}
      />
      {online ? (
        <ButtonLink href={`/${access.clinic.slug}/portal/invoices/${inv.id}/pay`}>{t("portal.pay.now")}</ButtonLink>
      ) : owed ? (
        <p className="rounded-xl bg-white p-4 text-slate-700 shadow-sm">{t("portal.pay.atClinic")}</p>
      ) : null}
    </div>
  );
}
