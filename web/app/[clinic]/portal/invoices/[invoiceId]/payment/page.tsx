// /[clinic]/portal/invoices/[invoiceId]/payment?payment_intent=pi_... - where Stripe returns the browser after
// a card payment. The outcome is read on the server (the webhook's record, else the PaymentIntent at Stripe),
// never from the redirect's own parameters. While it is processing the page refreshes itself, less often as
// time passes (payment-status-checks.ts, counted in `check`), and after about two minutes stops and says the
// invoice will show the payment, with a button to look again.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/app/_components/button";
import { getInvoice } from "@/lib/billing/get-invoice";
import { getMyPaymentStatus } from "@/lib/billing/get-my-payment-status";
import { checksDoneFrom, nextStatusCheckDelay } from "@/lib/billing/payment-status-checks";
import { loadPortalPage, requireClientId } from "@/lib/clients/load-portal-page";
import { withUser } from "@/lib/db/context";
import { isAppError } from "@/lib/errors";
import { formatMoney } from "@/lib/format/money";
import { translator } from "@/lib/i18n";
import { billingMessages } from "@/lib/i18n/messages/billing";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle(billingMessages, "portal.title");

type Props = {
  params: Promise<{ clinic: string; invoiceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const orNotFound = (e: unknown): never => {
  if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID_INPUT")) notFound();
  throw e;
};

export default async function PaymentStatusPage({ params, searchParams }: Props) {
  const { clinic: slug, invoiceId } = await params;
  const sp = await searchParams;
  const ctx = await loadPortalPage(slug, `/portal/invoices/${invoiceId}`);
  const clientId = requireClientId(ctx);
  const { user, access, locale } = ctx;
  const t = translator(locale, billingMessages);
  const paymentIntentId = typeof sp.payment_intent === "string" ? sp.payment_intent : "";
  const status = await getMyPaymentStatus(user, clientId, invoiceId, paymentIntentId).catch(orNotFound);
  const detail = await withUser(user, (db) => getInvoice(db, access.clinic.id, invoiceId)).catch(orNotFound);
  const inv = detail.invoice;
  const back = `/${access.clinic.slug}/portal/invoices/${inv.id}`;
  const here = (check: number) =>
    `${back}/payment?${new URLSearchParams({ payment_intent: paymentIntentId, check: String(check) }).toString()}`;
  const checksDone = checksDoneFrom(sp.check);
  const delay = status === "processing" ? nextStatusCheckDelay(checksDone) : null;
  const gaveUp = status === "processing" && delay === null;
  return (
    <div className="space-y-4">
      {delay !== null ? <meta httpEquiv="refresh" content={`${delay};url=${here(checksDone + 1)}`} /> : null}
      <Link href={back} className="text-sm text-brand-700 underline">
        {t("portal.pay.back")}
      </Link>
      <h1 className="text-2xl font-semibold">{t("portal.status.title", { number: inv.number ?? "" })}</h1>
      <p
        role="status"
        data-testid="payment-status"
        data-status={status}
        className="rounded-xl bg-white p-4 text-slate-800 shadow-sm"
      >
        {gaveUp ? t("portal.status.stillProcessing") : t(`portal.status.${status}`)}
      </p>
      <dl className="grid grid-cols-2 gap-2 rounded-xl bg-white p-4 shadow-sm">
        <dt className="text-slate-600">{t("filter.status")}</dt>
        <dd className="text-right font-medium" data-testid="payment-invoice-status">
          {t(`status.${inv.status}`)}
        </dd>
        <dt className="text-slate-600">{t("doc.balance")}</dt>
        <dd className="text-right font-medium tabular-nums" data-testid="payment-balance">
          {formatMoney(inv.balanceMinor ?? 0, inv.currency, locale)}
        </dd>
      </dl>
      {status === "failed" ? <ButtonLink href={`${back}/pay`}>{t("portal.status.tryAgain")}</ButtonLink> : null}
      {gaveUp ? <ButtonLink href={here(0)}>{t("portal.status.checkAgain")}</ButtonLink> : null}
    </div>
  );
}
