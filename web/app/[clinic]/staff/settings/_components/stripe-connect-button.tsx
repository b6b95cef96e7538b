"use client";
// Asks the server for a fresh Stripe onboarding link (they are single-use and short-lived) and goes there.
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-error";
import { callApi } from "@/lib/http/browser/call-api";
import { translator, type Locale } from "@/lib/i18n";
import { paymentMessages } from "@/lib/i18n/messages/payments";

export function StripeConnectButton(props: { slug: string; locale: Locale; label: string }) {
  const t = translator(props.locale, paymentMessages);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    const result = await callApi<{ url: string }>(`/api/clinics/${props.slug}/payments/onboarding`, { method: "POST" });
    if (result.ok) {
      window.location.assign(result.data.url);
      return;
    }
    setPending(false);
    setError(t("settings.failed", { message: result.error.message }));
  }

  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button onClick={onClick} pending={pending} className="w-full sm:w-auto">
        {props.label}
      </Button>
    </div>
  );
}
