// /[clinic]/staff/invoices/[invoiceId]/print - the invoice alone, for the browser's print (the staff shell
// hides itself when printing). The PDF download comes with the next billing slice.
import { notFound } from "next/navigation";
import { InvoiceDocument } from "@/app/_components/invoice-document";
import { getInvoice } from "@/lib/billing/get-invoice";
import { requireCan } from "@/lib/clinics/permissions";
import { loadStaffPage } from "@/lib/clinics/load-staff-page";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(billingMessages, "invoice.print");

export default async function PrintInvoicePage({ params }: { params: Promise<{ clinic: string; invoiceId: string }> }) {
  const { clinic: slug, invoiceId } = await params;
  const { user, access, locale } = await loadStaffPage(slug);
  if (!access.role) return null;
  requireCan(access, "billing.use");
  const detail = await withUser(user, (db) => getInvoice(db, access.clinic.id, invoiceId)).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT")) notFound();
    throw e;
  });
  return (
    <div className="mx-auto max-w-3xl">
      <InvoiceDocument detail={detail} locale={locale} timeZone={access.clinic.timeZone} />
    </div>
  );
}
