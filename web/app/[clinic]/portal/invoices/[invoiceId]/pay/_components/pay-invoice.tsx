"use client";
// The card form. On load it asks the server for the invoice's PaymentIntent (created or reused; the amount is
// the balance in the database), then shows Stripe Elements, which confirms the payment in the browser and
// returns to the status page. Stripe.js is loaded only then (the "pure" entry does not load it on import).
// When the server talks to the local Stripe stand-in (tests), js.stripe.com is out of reach: a test-card button
// asks the server to confirm at the stand-in instead, and goes to the same status page; a second button uses
// the stand-in's declined card, which lands on the status page as a failed 3-D Secure redirect would.
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe } from "@stripe/stripe-js/pure";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { callApi } from "@/lib/http/browser/call-api";
import { describeWith, useApiSubmit } from "@/lib/http/browser/use-api-submit";
import type { Locale } from "@/lib/i18n";

interface Intent {
  paymentIntentId: string;
  clientSecret: string;
  publishableKey: string;
  stripeAccount: string;
}

interface Labels {
  loading: string;
  submit: string;
  standIn: string;
  standInSubmit: string;
  standInDecline: string;
  failed: string;
}

export function PayInvoice(props: {
  locale: Locale;
  apiUrl: string;
  statusPath: string;
  standIn: boolean;
  labels: Labels;
}) {
  const [intent, setIntent] = useState<Intent | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void callApi<Intent>(props.apiUrl, { method: "POST" }).then((r) => {
      if (!live) return;
      if (r.ok) setIntent(r.data);
      else setError(r.error.message || props.labels.failed);
    });
    return () => {
      live = false;
    };
  }, [props.apiUrl, props.labels.failed]);

  if (error) return <FormError message={error} />;
  if (!intent) return <p role="status">{props.labels.loading}</p>;
  const statusUrl = `${props.statusPath}?payment_intent=${encodeURIComponent(intent.paymentIntentId)}`;
  if (props.standIn) {
    return <StandInPay apiUrl={props.apiUrl} intent={intent} statusUrl={statusUrl} labels={props.labels} />;
  }
  return <ElementsPay locale={props.locale} intent={intent} statusPath={props.statusPath} labels={props.labels} />;
}

function ElementsPay(props: { locale: Locale; intent: Intent; statusPath: string; labels: Labels }) {
  const { publishableKey, stripeAccount, clientSecret } = props.intent;
  const stripe = useMemo(() => loadStripe(publishableKey, { stripeAccount }), [publishableKey, stripeAccount]);
  return (
    <Elements stripe={stripe} options={{ clientSecret, locale: props.locale }}>
      <ElementsForm statusPath={props.statusPath} labels={props.labels} />
    </Elements>
  );
}

function ElementsForm(props: { statusPath: string; labels: Labels }) {
  const stripe = useStripe();
  const elements = useElements();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    // Stripe adds ?payment_intent=... to the return URL; the status page reads the outcome from the server
    const { error: failed } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: new URL(props.statusPath, window.location.origin).toString() },
    });
    setPending(false);
    if (failed) setError(failed.message ?? props.labels.failed);
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <PaymentElement />
      <FormError message={error} />
      <Button type="submit" pending={pending} disabled={!stripe || !elements}>
        {props.labels.submit}
      </Button>
    </form>
  );
}

function StandInPay(props: { apiUrl: string; intent: Intent; statusUrl: string; labels: Labels }) {
  const api = useApiSubmit(describeWith({ fixErrors: props.labels.failed, failed: props.labels.failed }));
  async function pay(card: "visa" | "declined") {
    const r = await api.submit(() =>
      callApi(`${props.apiUrl}/stand-in-confirm`, {
        method: "POST",
        body: { paymentIntentId: props.intent.paymentIntentId, card },
      }),
    );
    if (r?.ok) window.location.assign(props.statusUrl);
  }
  return (
    <div className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <p className="text-slate-700">{props.labels.standIn}</p>
      <FormError message={api.error} />
      <div className="flex flex-wrap gap-2">
        <Button pending={api.pending} onClick={() => void pay("visa")}>
          {props.labels.standInSubmit}
        </Button>
        <Button variant="secondary" disabled={api.pending} onClick={() => void pay("declined")}>
          {props.labels.standInDecline}
        </Button>
      </div>
    </div>
  );
}
