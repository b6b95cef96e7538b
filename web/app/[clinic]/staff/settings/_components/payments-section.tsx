// The clinic's card-payment setup: its Stripe connection state and, for owners and admins, the button that
// opens Stripe's onboarding. Without Stripe configured on the server it only says invoices are paid at the clinic.
import { FormNotice } from "@/app/_components/form-error";
import { translator, type Locale } from "@/lib/i18n";
import { paymentMessages } from "@/lib/i18n/messages/payments";
import type { PaymentAccountState } from "@/lib/stripe/get-payment-account";
import { StripeConnectButton } from "./stripe-connect-button";

export function PaymentsSection(props: {
  slug: string;
  locale: Locale;
  account: PaymentAccountState;
  canManage: boolean;
  returnedFromStripe: boolean;
}) {
  const t = translator(props.locale, paymentMessages);
  const { account } = props;
  const text = {
    disabled: t("settings.disabled"),
    not_connected: t("settings.notConnected"),
    pending: t("settings.pending"),
    ready: t("settings.ready"),
  }[account.state];
  const label = {
    disabled: null,
    not_connected: t("settings.connect"),
    pending: t("settings.continue"),
    ready: t("settings.update"),
  }[account.state];
  return (
    <section aria-labelledby="payments-title" className="space-y-3 rounded-xl bg-white p-4 shadow-sm sm:p-6">
      <h2 id="payments-title" className="text-lg font-semibold">
        {t("settings.title")}
      </h2>
      {props.returnedFromStripe ? <FormNotice>{t("settings.returned")}</FormNotice> : null}
      <p className="text-slate-700">{text}</p>
      {"payoutsEnabled" in account && account.state === "ready" && !account.payoutsEnabled ? (
        <p role="status" className="text-amber-900">
          {t("settings.payoutsPaused")}
        </p>
      ) : null}
      {label && props.canManage ? <StripeConnectButton slug={props.slug} locale={props.locale} label={label} /> : null}
    </section>
  );
}
