// /[clinic]/portal/invoices/[invoiceId]/pay - the client pays the balance by card with Stripe Elements. The
// PaymentIntent (amount from the database) is created or reused by the route the form calls; Stripe returns
// the browser to the payment status page. Without card payments here, back to the invoice.
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getInvoice } from "@/lib/billing/get-invoice";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format/money";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";
import { isStripeStandIn } from "@/lib/stripe/confirm-with-stand-in";
import { takesCardPayments } from "@/lib/stripe/takes-card-payments";
import { PayInvoice } from "./_components/pay-invoice";

export const generateMetadata = pageTitle(billingMessages, "portal.title");

export default async function PayInvoicePage({ params }: { params: Promise<{ clinic: string; invoiceId: string }> }) {
  const { clinic: slug, invoiceId } = await params;
  const ctx = await loadPortalPage(slug, `/portal/invoices/${invoiceId}/pay`);
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, billingMessages);
  const detail = await withUser(user, (db) => getInvoice(db, access.clinic.id, invoiceId)).catch((e: unknown) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT")) notFound();
    throw e;
  });
  const inv = detail.invoice;
  if (inv.clientId !== clientId) notFound();
  const back = `/${access.clinic.slug}/portal/invoices/${inv.id}`;
  const owed = (inv.status === "issued" || inv.status === "partially_paid") && (inv.balanceMinor ?? 0) > 0;
  if (!owed || !(await takesCardPayments(access.clinic.id))) redirect(back);
  const amount = formatMoney(inv.balanceMinor ?? 0, inv.currency, locale);
  return (
    <div className="space-y-4">
      <Link href={back} className="text-sm text-brand-700 underline">
        {t("portal.pay.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("portal.pay.title", { number: inv.number ?? "" })}</h1>
      <p className="text-slate-700">{t("portal.pay.amount", { amount })}</p>
      <PayInvoice
        locale={locale}
        apiUrl={`/api/clinics/${access.clinic.slug}/my-invoices/${inv.id}/payment-intent`}
        statusPath={`${back}/payment`}
        standIn={isStripeStandIn()}
        labels={{
          loading: t("portal.pay.loading"),
          submit: t("portal.pay.submit", { amount }),
          standIn: t("portal.pay.standIn"),
          standInSubmit: t("portal.pay.standInSubmit", { amount }),
          standInDecline: t("portal.pay.standInDecline"),
          failed: t("form.failed"),
        }}
      />
    </div>
  );
}
